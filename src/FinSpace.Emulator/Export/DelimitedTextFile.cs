using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using nietras.SeparatedValues;

namespace FinSpace.Emulator.Export;

/// <summary>
/// Writes rows as delimited text with Sep: UTF-8 without a byte order mark, LF line endings, a field
/// quoted only when it holds the delimiter, a quote or a line break (quotes doubled), null as an
/// empty field. Cells are written as the text they were ingested as, so a CSV in this form comes
/// back byte for byte.
/// </summary>
internal static class DelimitedTextFile
{
    public static byte[] Write(IReadOnlyList<string> columns, IEnumerable<string?[]> rows, ExportOptions options)
    {
        using var output = new MemoryStream();
        using (Stream target = options.Gzip ? new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true) : new NonClosing(output))
        using (var text = new StreamWriter(target, new UTF8Encoding(false), 1 << 16))
        using (var writer = Sep.New(options.Delimiter).Writer(o => o with { WriteHeader = false, Escape = true }).To(text))
        {
            if (options.Header)
            {
                using var header = writer.NewRow();
                for (int i = 0; i < columns.Count; i++)
                {
                    header[i].Set(columns[i]);
                }
            }

            foreach (var cells in rows)
            {
                using var row = writer.NewRow();
                for (int i = 0; i < cells.Length; i++)
                {
                    row[i].Set(cells[i] ?? string.Empty);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>Keeps the memory stream open when the text writer closes, so its bytes can be read.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();
        public override void SetLength(long value) => throw new System.NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
