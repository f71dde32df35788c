using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.Protocol;

/// <summary>Splits a raw query string into decoded names and values (the first value wins for a repeated name).</summary>
internal static class QueryString
{
    public static Dictionary<string, string> Parse(string rawQuery)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result.TryAdd(name, value);
        }

        return result;
    }
}
