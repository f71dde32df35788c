using System;
using System.Collections.Generic;
using System.Linq;
using Amazon;

namespace FinSpace.Management
{
    /// <summary>
    /// The region names the SDK knows, for -Region completion. Kept in the core so the cmdlet
    /// assembly never references AWSSDK.Core itself (a private load context can then own it).
    /// </summary>
    public static class RegionNames
    {
        /// <summary>(system name, display name) pairs starting with <paramref name="prefix"/>, ordered by name.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Matching(string? prefix) =>
            RegionEndpoint.EnumerableAllRegions
                .Where(r => r.SystemName.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.SystemName, StringComparer.Ordinal)
                .Select(r => new KeyValuePair<string, string>(r.SystemName, r.DisplayName))
                .ToList();
    }
}
