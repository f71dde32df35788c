using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Management
{
    /// <summary>The profile names -ProfileName can take, for completion: read from the same stores a profile is resolved from.</summary>
    public static class ProfileNames
    {
        /// <summary>
        /// The names starting with <paramref name="prefix"/> (case ignored), ordered, from the file
        /// <paramref name="location"/> names, else from the shared credentials and config files (and
        /// on Windows the SDK's store). Unreadable files give no names, never an error.
        /// </summary>
        public static IReadOnlyList<string> Matching(string? prefix, string? location)
        {
            try
            {
                return ConnectionResolver.Chain(location).ListProfiles()
                    .Select(p => p.Name)
                    .Where(n => n.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<string>();
            }
        }
    }
}
