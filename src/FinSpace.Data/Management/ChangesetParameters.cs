using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>
    /// Builds the free-form sourceParams / formatParams maps from typed values. The typed values
    /// win over the same key in the caller's extra map (the hashtable escape hatch).
    /// </summary>
    public static class ChangesetParameters
    {
        public const string S3SourcePath = "s3SourcePath";
        public const string SourceType = "sourceType";
        public const string FormatType = "formatType";
        public const string WithHeader = "withHeader";
        public const string Separator = "separator";
        public const string Compression = "compression";

        /// <summary>The sourceType FinSpace expects for files in S3.</summary>
        public const string S3SourceType = "S3";

        /// <summary>
        /// How a tab separator travels: the two characters backslash and t. The model's pattern for
        /// every formatParams value ([\s\S]*\S[\s\S]*) refuses a value that is only whitespace, so a
        /// real tab can never be sent, and the API reference documents no other form. Backslash-t is
        /// the escape Spark/Glue CSV readers (FinSpace's ingestion engine) take for a tab, and what the
        /// emulator reads. A decision, recorded in docs/design/cmdlet-conventions.md.
        /// </summary>
        public const string TabSeparatorOnTheWire = "\\t";

        public static StringMap Source(string? s3SourcePath, string? sourceType, IDictionary<string, string>? extra)
        {
            var map = Copy(extra);
            Set(map, S3SourcePath, s3SourcePath);
            Set(map, SourceType, sourceType);
            if (s3SourcePath is not null && !map.ContainsKey(SourceType))
            {
                map[SourceType] = S3SourceType;
            }

            return map;
        }

        public static StringMap Format(string? formatType, bool? withHeader, string? separator, string? compression, IDictionary<string, string>? extra)
        {
            var map = Copy(extra);
            Set(map, FormatType, formatType);
            Set(map, WithHeader, withHeader is null ? null : withHeader.Value ? "true" : "false");
            Set(map, Separator, separator);
            Set(map, Compression, compression);
            if (map.TryGetValue(Separator, out var given) && given == "\t")
            {
                map[Separator] = TabSeparatorOnTheWire;
            }

            return map;
        }

        /// <summary>
        /// FinSpace needs to know where the files are and how they are laid out: fails naming the
        /// parameter when the source path or the format type is missing.
        /// </summary>
        public static void RequireSourceAndFormat(StringMap source, StringMap format)
        {
            if (!source.ContainsKey(S3SourcePath))
            {
                throw new System.ArgumentException("-SourcePath is required (or an s3SourcePath key in -SourceParameter): FinSpace needs to know where the files are.", "SourcePath");
            }

            if (!format.ContainsKey(FormatType))
            {
                throw new System.ArgumentException("-FormatType is required (or a formatType key in -FormatParameter): CSV, JSON, PARQUET or XML.", "FormatType");
            }
        }

        /// <summary>
        /// A free-form map from a caller's dictionary: keys and values as text, booleans in the
        /// lower case FinSpace expects ("true", not PowerShell's "True"). Fails naming the parameter
        /// on an empty key or a null value.
        /// </summary>
        public static StringMap FromDictionary(System.Collections.IDictionary? values, string parameterName)
        {
            var map = new StringMap();
            if (values is null)
            {
                return map;
            }

            foreach (System.Collections.DictionaryEntry entry in values)
            {
                var key = entry.Key?.ToString();
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new System.ArgumentException($"-{parameterName} has an empty key.", parameterName);
                }

                map[key!] = entry.Value switch
                {
                    null => throw new System.ArgumentException($"-{parameterName} has no value for '{key}'.", parameterName),
                    bool flag => flag ? "true" : "false",
                    System.IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? string.Empty,
                };
            }

            return map;
        }

        /// <summary>The current map with <paramref name="overrides"/> laid over it.</summary>
        public static StringMap Merge(IDictionary<string, string>? current, IDictionary<string, string> overrides)
        {
            var map = Copy(current);
            foreach (var pair in overrides)
            {
                map[pair.Key] = pair.Value;
            }

            return map;
        }

        private static StringMap Copy(IDictionary<string, string>? values) =>
            values is null ? new StringMap() : new StringMap(values);

        private static void Set(StringMap map, string key, string? value)
        {
            if (value is not null)
            {
                map[key] = value;
            }
        }
    }
}
