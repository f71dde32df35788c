using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// The changeset's formatParams for local files: inferred from the file extensions
    /// (.csv, .tsv, .json/.jsonl/.ndjson, .parquet, .xml, each optionally .gz), with every key the
    /// caller gave explicitly winning. One changeset has one format, so files that disagree need an
    /// explicit -FormatType (and -Compression).
    /// </summary>
    public static class FormatInference
    {
        /// <summary>The separator FinSpace (and the emulator) take for a tab: the two characters \t, because a whitespace-only value is refused.</summary>
        public const string TabSeparator = "\\t";

        private static readonly Dictionary<string, string> FormatsByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".csv"] = "CSV",
            [".tsv"] = "CSV",
            [".json"] = "JSON",
            [".jsonl"] = "JSON",
            [".ndjson"] = "JSON",
            [".parquet"] = "PARQUET",
            [".xml"] = "XML",
        };

        /// <summary>What one file's name says: format type, whether it is tab-separated, whether gzip; null format when the extension is unknown.</summary>
        public static (string? FormatType, bool Tabs, bool Gzip) FromName(string fileName)
        {
            var gzip = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            var inner = gzip ? fileName.Substring(0, fileName.Length - 3) : fileName;
            var extension = Path.GetExtension(inner);
            return FormatsByExtension.TryGetValue(extension, out var format)
                ? (format, extension.Equals(".tsv", StringComparison.OrdinalIgnoreCase), gzip)
                : (null, false, gzip);
        }

        /// <summary>The explicit map completed with what the extensions say.</summary>
        /// <exception cref="ArgumentException">Naming -FormatType or -Compression when the files do not agree and nothing explicit decides.</exception>
        public static StringMap Complete(IReadOnlyList<LocalFile> files, StringMap explicitFormat)
        {
            var format = new StringMap(explicitFormat);
            if (format.TryGetValue(ChangesetParameters.Separator, out var separator) && separator == "\t")
            {
                // A real tab ("`t") is refused by the model's pattern; FinSpace takes the two characters \t.
                format[ChangesetParameters.Separator] = TabSeparator;
            }

            var seen = files.Select(file => (File: file, Says: FromName(Path.GetFileName(file.FullPath)))).ToList();

            if (!format.ContainsKey(ChangesetParameters.FormatType))
            {
                var unknown = seen.FirstOrDefault(entry => entry.Says.FormatType is null);
                if (unknown.File is not null)
                {
                    throw new ArgumentException($"-FormatType is required: the format of '{unknown.File.FullPath}' cannot be told from its extension (.csv, .tsv, .json, .parquet or .xml, optionally .gz).", "FormatType");
                }

                var kinds = seen.Select(entry => entry.Says.FormatType + (entry.Says.Tabs ? " (tab-separated)" : string.Empty)).Distinct(StringComparer.Ordinal).ToList();
                if (kinds.Count > 1)
                {
                    throw new ArgumentException($"-FormatType is required: the files are of different formats ({string.Join(", ", kinds)}), and one changeset has one format.", "FormatType");
                }

                format[ChangesetParameters.FormatType] = seen[0].Says.FormatType!;
                if (seen[0].Says.Tabs && !format.ContainsKey(ChangesetParameters.Separator))
                {
                    format[ChangesetParameters.Separator] = TabSeparator;
                }
            }

            if (!format.ContainsKey(ChangesetParameters.Compression))
            {
                var gzipped = seen.Count(entry => entry.Says.Gzip);
                if (gzipped != 0 && gzipped != seen.Count)
                {
                    throw new ArgumentException("-Compression is required: some files end in .gz and some do not, and one changeset has one compression.", "Compression");
                }

                if (gzipped != 0)
                {
                    format[ChangesetParameters.Compression] = "GZIP";
                }
            }

            return format;
        }
    }
}
