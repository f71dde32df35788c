using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// JSON records: either JSON Lines (one object per line, blank lines skipped) or one top-level array
/// of objects, told apart by the first non-blank character. Strings keep their value, numbers their
/// literal text, booleans become true/false, null is null; nested objects and arrays are refused.
/// </summary>
internal static class JsonTableReader
{
    public static void Read(byte[] content, TableBuilder.FileRows rows, string file)
    {
        var text = StripBom(content);
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return;
        }

        try
        {
            if (text[start] == (byte)'[')
            {
                using var document = JsonDocument.Parse(text.ToArray());
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    rows.Record(Values(item, file));
                }

                return;
            }

            foreach (var line in Lines(text))
            {
                using var document = JsonDocument.Parse(line);
                rows.Record(Values(document.RootElement, file));
            }
        }
        catch (JsonException e)
        {
            throw IngestionException.Validation($"{file} is not valid JSON Lines or a JSON array of objects: {e.Message}");
        }
    }

    private static List<KeyValuePair<string, string?>> Values(JsonElement record, string file)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw IngestionException.Validation($"{file}: every record must be a JSON object (found {record.ValueKind}).");
        }

        var values = new List<KeyValuePair<string, string?>>();
        foreach (var property in record.EnumerateObject())
        {
            string? value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw IngestionException.Validation($"{file}: column '{property.Name}' holds a nested {property.Value.ValueKind}; only flat records are supported."),
            };
            values.Add(new(property.Name, value));
        }

        return values;
    }

    private static IEnumerable<byte[]> Lines(ReadOnlySpan<byte> text)
    {
        var lines = new List<byte[]>();
        while (text.Length > 0)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            if (line.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                lines.Add(line.ToArray());
            }

            text = end < 0 ? ReadOnlySpan<byte>.Empty : text[(end + 1)..];
        }

        return lines;
    }

    private static ReadOnlySpan<byte> StripBom(byte[] content) =>
        content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? content.AsSpan(Encoding.UTF8.Preamble.Length) : content;
}
