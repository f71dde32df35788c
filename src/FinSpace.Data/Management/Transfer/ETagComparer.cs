using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// Whether a local file holds exactly an S3 object's bytes, told from the object's size and ETag
    /// (no download): a single-part object's ETag is the MD5 of its bytes; a multipart one's is the MD5
    /// of its parts' MD5s followed by "-&lt;parts&gt;", so the part size is needed: the candidates are the
    /// common ones (8 MiB for the AWS CLI, 16 MiB for us, 5 MiB minimum…) that give that many parts.
    /// An object without an ETag, or one encrypted with a customer key (whose ETag is no MD5), is
    /// never called identical.
    /// </summary>
    public static class ETagComparer
    {
        private static readonly long[] CommonPartSizes = { 5, 8, 10, 15, 16, 32, 50, 64, 100, 128, 256, 512 };

        public static bool IsIdentical(string localPath, long objectSize, string? eTag, long configuredPartSize = TransferOptions.DefaultPartSize)
        {
            if (eTag is null || new FileInfo(localPath).Length != objectSize)
            {
                return false;
            }

            var tag = eTag.Trim('"').ToLowerInvariant();
            var dash = tag.IndexOf('-');
            if (dash < 0)
            {
                return tag.Length == 32 && Md5Hex(localPath) == tag;
            }

            if (!int.TryParse(tag.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parts) || parts < 1)
            {
                return false;
            }

            return CandidatePartSizes(objectSize, parts, configuredPartSize).Any(size => MultipartETag(localPath, size) == tag);
        }

        /// <summary>Part sizes that split <paramref name="size"/> bytes into exactly <paramref name="parts"/> parts.</summary>
        public static IEnumerable<long> CandidatePartSizes(long size, int parts, long configuredPartSize)
        {
            var seen = new HashSet<long>();
            foreach (var candidate in new[] { configuredPartSize }.Concat(CommonPartSizes.Select(m => m * TransferOptions.MiB)))
            {
                if ((size + candidate - 1) / candidate == parts && seen.Add(candidate))
                {
                    yield return candidate;
                }
            }
        }

        public static string Md5Hex(string path)
        {
            using var md5 = MD5.Create();
            using var stream = File.OpenRead(path);
            return Hex(md5.ComputeHash(stream));
        }

        /// <summary>The ETag S3 gives a multipart upload of this file in parts of <paramref name="partSize"/> bytes.</summary>
        public static string MultipartETag(string path, long partSize)
        {
            using var outer = MD5.Create();
            using var stream = File.OpenRead(path);
            var buffer = new byte[1024 * 1024];
            var digests = new List<byte>();
            var parts = 0;
            while (stream.Position < stream.Length || parts == 0)
            {
                using var inner = MD5.Create();
                long left = partSize;
                int read;
                while (left > 0 && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
                {
                    inner.TransformBlock(buffer, 0, read, null, 0);
                    left -= read;
                }

                inner.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                digests.AddRange(inner.Hash!);
                parts++;
                if (stream.Length == 0)
                {
                    break;
                }
            }

            return Hex(outer.ComputeHash(digests.ToArray())) + "-" + parts.ToString(CultureInfo.InvariantCulture);
        }

        private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
    }
}
