using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Amazon;

namespace FinSpace.Management
{
    /// <summary>
    /// The region names the SDK knows, for -Region completion. Kept in the core so the cmdlet
    /// assembly never references AWSSDK.Core itself (a private load context can then own it).
    /// </summary>
    public static class RegionNames
    {
        // A region's name ends in its number (us-east-1, eusc-de-east-1); the SDK's list also holds
        // endpoint variants such as us-east-1-regional, which no one can pass as -Region.
        private static readonly Regex RegionName = new Regex(@"^[a-z]+(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="name"/> is a region's name rather than an endpoint variant.</summary>
        public static bool IsRegion(string name) => RegionName.IsMatch(name);

        /// <summary>(system name, display name) pairs of real regions starting with <paramref name="prefix"/>, ordered by name.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Matching(string? prefix) =>
            RegionEndpoint.EnumerableAllRegions
                .Where(r => IsRegion(r.SystemName) && r.SystemName.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.SystemName, StringComparer.Ordinal)
                .Select(r => new KeyValuePair<string, string>(r.SystemName, r.DisplayName))
                .ToList();
    }
}
