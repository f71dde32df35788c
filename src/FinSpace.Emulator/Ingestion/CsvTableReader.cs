using System.IO;
using System.Text;
using nietras.SeparatedValues;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// Delimited text (RFC 4180 quoting: fields may be quoted, a quote inside is doubled, quoted fields may
/// span lines) read with Sep. Cells keep their exact text after unquoting. Blank lines are skipped.
/// </summary>
internal static class CsvTableReader
{
    public static void Read(Stream content, FormatOptions options, TableBuilder.FileRows rows, string file)
    {
        using var text = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var reader = Sep.New(options.Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        var first = true;
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.Length == 0)
            {
                continue;
            }

            var cells = new string[row.ColCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            if (first)
            {
                first = false;
                if (options.WithHeader)
                {
                    rows.Header(cells);
                    continue;
                }

                rows.Header(null);
            }

            rows.Row(cells);
        }

        if (first && options.WithHeader)
        {
            throw IngestionException.Validation($"{file} is empty, but withHeader is true: a header row naming the columns is expected.");
        }
    }
}
