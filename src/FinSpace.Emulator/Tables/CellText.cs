using System;
using System.Globalization;
using System.Text.RegularExpressions;
using FinSpace.Data.Model;

namespace FinSpace.Emulator.Tables;

/// <summary>
/// Cells are kept as the text they arrived as, so a delimited export reproduces them exactly. This
/// decides whether a text is a valid value of a ColumnDataType, and turns it into the typed value
/// Parquet output and sorting need. Empty text is a null of any non-text type.
/// </summary>
internal static partial class CellText
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Real = NumberStyles.Float;

    /// <summary>ISO 8601 date and time, 'T' or a space between, seconds and fraction optional, then Z or an offset optional.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    public static bool IsText(string type) => type == ColumnDataType.String.Value || type == ColumnDataType.Char.Value;

    /// <summary>True when <paramref name="text"/> is a value of <paramref name="type"/> (null and empty always are).</summary>
    public static bool IsValid(string? text, string type) =>
        string.IsNullOrEmpty(text) || IsText(type) || Parse(text, type) is not null;

    /// <summary>The typed value (int, sbyte, short, long, float, double, DateOnly, DateTime, bool, byte[], string), or null when empty or invalid.</summary>
    public static object? Parse(string? text, string type)
    {
        if (text is null || (text.Length == 0 && !IsText(type)))
        {
            return null;
        }

        switch (type)
        {
            case "INTEGER": return int.TryParse(text, Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
            case "TINYINT": return sbyte.TryParse(text, Integer, CultureInfo.InvariantCulture, out var t) ? t : null;
            case "SMALLINT": return short.TryParse(text, Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
            case "BIGINT": return long.TryParse(text, Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
            case "FLOAT": return float.TryParse(text, Real, CultureInfo.InvariantCulture, out var f) ? f : null;
            case "DOUBLE": return double.TryParse(text, Real, CultureInfo.InvariantCulture, out var d) ? d : null;
            case "DATE": return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            case "DATETIME": return ParseDateTime(text);
            case "BOOLEAN":
                return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
                    : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
                    : null;
            case "BINARY":
                var bytes = new byte[text.Length];
                return Convert.TryFromBase64String(text, bytes, out var written) ? bytes.AsSpan(0, written).ToArray() : null;
            default: return text;
        }
    }

    /// <summary>The text a value read from a typed source (Parquet) is kept as.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(dt.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset dto => Format(dto.UtcDateTime),
        byte[] bytes => Convert.ToBase64String(bytes),
        ReadOnlyMemory<byte> memory => Convert.ToBase64String(memory.Span),
        ReadOnlyMemory<char> chars => chars.ToString(),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTime? ParseDateTime(string text)
    {
        if (!DateTimePattern().IsMatch(text))
        {
            return null;
        }

        // .NET keeps 7 fraction digits; nanoseconds beyond that are dropped for typed output only.
        var trimmed = TrimFraction(text);
        return DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : null;
    }

    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? text[..(dot + 8)] + text[end..] : text;
    }
}
