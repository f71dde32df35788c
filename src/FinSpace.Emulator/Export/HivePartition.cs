using System.Globalization;
using System.Text;

namespace FinSpace.Emulator.Export;

/// <summary>
/// Hive-style partition folders, <c>column=value/</c>: characters that are unsafe in a path or
/// meaningful to Hive are written as %XX (as Hive and Spark escape them), and a null or empty value
/// is Hive's default partition.
/// </summary>
internal static class HivePartition
{
    public const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    public static string Folder(string column, string? value) => $"{Escape(column)}={(string.IsNullOrEmpty(value) ? DefaultPartition : Escape(value))}/";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f || c is '"' or '#' or '%' or '\'' or '*' or '/' or ':' or '=' or '?' or '\\' or '{' or '[' or ']' or '^')
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
