using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// Turns the file-system paths a cmdlet resolved into the files to upload and their keys.
    /// FinSpace reads a changeset folder in S3 key order, so each given path gets a five-digit
    /// sequence folder (00000/, 00001/, …) in the order given: the rows are ingested in the order the
    /// caller named the files, two files with the same name never collide, and a folder keeps its
    /// relative layout (sub-folders sorted by ordinal name, as S3 lists them).
    /// </summary>
    public static class LocalFileSet
    {
        /// <summary>S3's limit on a key, checked for every file before anything is uploaded.</summary>
        public const int MaxKeyBytes = 1024;

        /// <param name="paths">Existing files or folders, already resolved (no wildcards).</param>
        /// <param name="parameterName">The parameter the paths came from, named in errors.</param>
        /// <param name="keyPrefixBytes">How long the upload prefix is, so the full key can be checked.</param>
        public static IReadOnlyList<LocalFile> Expand(IEnumerable<string> paths, string parameterName, int keyPrefixBytes = 0)
        {
            var files = new List<LocalFile>();
            var index = 0;
            foreach (var path in paths)
            {
                var sequence = index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + "/";
                if (File.Exists(path))
                {
                    files.Add(Describe(path, sequence + Path.GetFileName(path)));
                }
                else if (Directory.Exists(path))
                {
                    var root = Path.GetFullPath(path);
                    var inside = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                        .Select(file => (File: file, Key: Relative(root, file)))
                        .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                        .ToList();
                    if (inside.Count == 0)
                    {
                        throw new ArgumentException($"-{parameterName}: the folder '{path}' holds no file to load.", parameterName);
                    }

                    files.AddRange(inside.Select(entry => Describe(entry.File, sequence + entry.Key)));
                }
                else
                {
                    throw new ArgumentException($"-{parameterName}: '{path}' is neither a file nor a folder.", parameterName);
                }

                index++;
            }

            if (files.Count == 0)
            {
                throw new ArgumentException($"-{parameterName} names no file to load.", parameterName);
            }

            foreach (var file in files)
            {
                if (keyPrefixBytes + System.Text.Encoding.UTF8.GetByteCount(file.RelativeKey) > MaxKeyBytes)
                {
                    throw new ArgumentException($"-{parameterName}: '{file.FullPath}' would get an S3 key longer than {MaxKeyBytes} bytes; shorten its folder path.", parameterName);
                }
            }

            return files;
        }

        private static LocalFile Describe(string path, string key) =>
            new LocalFile(Path.GetFullPath(path), key, new FileInfo(path).Length);

        private static string Relative(string root, string file)
        {
            var relative = file.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return relative.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/');
        }
    }
}
