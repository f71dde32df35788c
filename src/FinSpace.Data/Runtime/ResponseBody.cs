using System;
using System.Buffers;
using System.IO;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// A response body read whole into a pooled buffer. The SDK does not flag every body-less
    /// response as empty (a 204 without Content-Length is not), so the client looks at the bytes
    /// itself; bodies are small JSON documents, and parsing from memory also spares the stream
    /// deserializer its own buffering.
    /// </summary>
    internal readonly struct ResponseBody : IDisposable
    {
        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };
        private readonly byte[] _buffer;
        private readonly int _length;

        private ResponseBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        /// <summary>The JSON text (without a byte-order mark, which the span parser would reject).</summary>
        public ReadOnlySpan<byte> Json
        {
            get
            {
                var span = new ReadOnlySpan<byte>(_buffer, 0, _length);
                return span.StartsWith(Utf8Bom) ? span.Slice(Utf8Bom.Length) : span;
            }
        }

        /// <summary>True when there is nothing but whitespace.</summary>
        public bool IsEmpty
        {
            get
            {
                foreach (var b in Json)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public static ResponseBody Read(Stream? stream)
        {
            if (stream is null || !stream.CanRead)
            {
                return new ResponseBody(Array.Empty<byte>(), 0);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return new ResponseBody(buffer, length);
                }

                length += read;
            }
        }

        public void Dispose()
        {
            if (_buffer is { Length: > 0 })
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }
    }
}
