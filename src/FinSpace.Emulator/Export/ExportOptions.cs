using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Model;
using FinSpace.Emulator.Ingestion;
using Parquet;

namespace FinSpace.Emulator.Export;

/// <summary>
/// A dataview's destinationTypeParams. S3 and GLUE_TABLE both write files to the view's S3 location
/// (the emulator has no Glue catalog). The format is DELIMITED_TEXT or PARQUET (the default, as Glue
/// tables are). DELIMITED_TEXT options: header "true" (default, so an export loads back with a CSV
/// changeset's defaults) or "false", a one-character delimiter (or \t), compression "gzip" or none.
/// PARQUET options: compression snappy (default), gzip, zstd, lz4 or none.
/// </summary>
internal sealed record ExportOptions(bool DelimitedText, bool Header, char Delimiter, bool Gzip, CompressionMethod ParquetCompression)
{
    public static ExportOptions Parse(DataViewDestinationTypeParams? destination)
    {
        var type = destination?.DestinationType;
        if (type is not ("S3" or "GLUE_TABLE"))
        {
            throw IngestionException.Validation($"destinationType '{type}' is not supported; use S3 or GLUE_TABLE.");
        }

        var options = (IReadOnlyDictionary<string, string>?)destination?.S3DestinationExportFileFormatOptions ?? new Dictionary<string, string>();
        string? Get(string name) => options.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();
        var compression = Get("compression")?.ToLowerInvariant();
        if (destination?.S3DestinationExportFileFormat?.Value == ExportFileFormat.DelimitedText.Value)
        {
            var header = Get("header");
            return new ExportOptions(
                DelimitedText: true,
                Header: header is null || header.Equals("true", StringComparison.OrdinalIgnoreCase)
                    ? true
                    : header.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                    : throw IngestionException.Validation($"header must be \"true\" or \"false\" (got '{header}')."),
                Delimiter: FormatOptions.ParseSeparator(Get("delimiter"), "delimiter"),
                Gzip: compression switch
                {
                    null or "none" or "uncompressed" => false,
                    "gzip" => true,
                    _ => throw IngestionException.Validation($"compression '{Get("compression")}' is not supported for DELIMITED_TEXT; use gzip or none."),
                },
                ParquetCompression: CompressionMethod.None);
        }

        return new ExportOptions(false, false, ',', false, compression switch
        {
            null or "snappy" => CompressionMethod.Snappy,
            "none" or "uncompressed" => CompressionMethod.None,
            "gzip" => CompressionMethod.Gzip,
            "zstd" => CompressionMethod.Zstd,
            "lz4" => CompressionMethod.Lz4Raw,
            _ => throw IngestionException.Validation($"compression '{Get("compression")}' is not supported for PARQUET; use snappy, gzip, zstd, lz4 or none."),
        });
    }
}
