using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// A changeset's formatParams, with the documented defaults: CSV has a header and a comma unless told
/// otherwise. The separator is one character; the two characters <c>\t</c> mean a tab, because the
/// model's value pattern refuses a value that is only whitespace. Compression is None or GZIP.
/// </summary>
internal sealed record FormatOptions(string FormatType, bool WithHeader, char Separator, bool Gzip)
{
    public const string Csv = "CSV";
    public const string Json = "JSON";
    public const string Parquet = "PARQUET";
    public const string Xml = "XML";

    private static readonly string[] Formats = [Csv, Json, Parquet, Xml];

    public static FormatOptions Parse(IReadOnlyDictionary<string, string> formatParams)
    {
        string? Get(string name) => formatParams.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        var format = Get("formatType")?.Trim().ToUpperInvariant()
            ?? throw IngestionException.Validation("formatParams.formatType is required (CSV, JSON, PARQUET or XML).");
        if (!Formats.Contains(format))
        {
            throw IngestionException.Validation($"formatType '{Get("formatType")}' is not supported; use CSV, JSON, PARQUET or XML.");
        }

        var header = Get("withHeader");
        bool withHeader = header is null || header.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? true
            : header.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : throw IngestionException.Validation($"withHeader must be \"true\" or \"false\" (got '{header}').");

        var compression = Get("compression")?.Trim();
        bool gzip = compression is null || compression.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? false
            : compression.Equals("gzip", StringComparison.OrdinalIgnoreCase) ? true
            : throw IngestionException.Validation($"compression '{compression}' is not supported; use None or GZIP.");

        return new FormatOptions(format, withHeader, ParseSeparator(Get("separator"), "separator"), gzip);
    }

    /// <summary>One character, or <c>\t</c> for a tab; never a quote or a line break, which delimited text reserves.</summary>
    public static char ParseSeparator(string? text, string name)
    {
        if (text is null)
        {
            return ',';
        }

        var separator = text == "\\t" ? '\t'
            : text.Length == 1 ? text[0]
            : throw IngestionException.Validation($"{name} must be a single character, or \\t for a tab (got '{text}').");
        if (separator is '"' or '\r' or '\n')
        {
            throw IngestionException.Validation($"{name} cannot be a quote or a line break.");
        }

        return separator;
    }
}
