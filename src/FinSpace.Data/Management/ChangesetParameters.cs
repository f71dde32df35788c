using System.Collections.Generic;
using FinSpace.Data.Validation;

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

        /// <summary>The formatParams map; the format type and compression are sent in upper case, as FinSpace documents them, however they were typed.</summary>
        public static StringMap Format(string? formatType, bool? withHeader, string? separator, string? compression, IDictionary<string, string>? extra)
        {
            var map = Copy(extra);
            Set(map, FormatType, formatType?.ToUpperInvariant());
            Set(map, WithHeader, withHeader is null ? null : withHeader.Value ? "true" : "false");
            Set(map, Separator, separator);
            Set(map, Compression, compression?.ToUpperInvariant());
            if (map.TryGetValue(Separator, out var given) && given == "\t")
            {
                map[Separator] = TabSeparatorOnTheWire;
            }

            return map;
        }

        /// <summary>
        /// Checks each entry of the source and format maps against the model (keys up to 128
        /// characters, values 1 to 1000 with a non-blank character), naming the typed parameter that
        /// set the key (-SourcePath, -FormatType, -Separator, …) or else the hashtable parameter.
        /// </summary>
        internal static ParameterCheck CheckMaps(ParameterCheck check, StringMap source, StringMap format)
        {
            foreach (var pair in source)
            {
                check.Given(ParameterFor(pair.Key, "SourceParameter"), "sourceParams", new System.Collections.Generic.Dictionary<string, string> { [pair.Key] = pair.Value });
            }

            foreach (var pair in format)
            {
                check.Given(ParameterFor(pair.Key, "FormatParameter"), "formatParams", new System.Collections.Generic.Dictionary<string, string> { [pair.Key] = pair.Value });
            }

            return check;
        }

        private static string ParameterFor(string key, string hashtableParameter) => key switch
        {
            S3SourcePath => "SourcePath",
            SourceType => "SourceType",
            FormatType => "FormatType",
            WithHeader => "WithHeader",
            Separator => "Separator",
            Compression => "Compression",
            _ => hashtableParameter,
        };

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
