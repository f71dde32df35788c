using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace FinSpace.Management
{
    /// <summary>
    /// Ids for tab completion. Matches an id by its start, or its label (title, name, e-mail) by any
    /// part, across as many pages as one Tab press may read in <see cref="Timeout"/>; a listing
    /// left unfinished goes on from where it stopped at the next Tab, and what was read is kept for
    /// <see cref="CacheFor"/>, so repeated presses cost nothing. Never throws: completion that fails
    /// offers what it found, or nothing.
    /// </summary>
    public sealed class IdCompletion
    {
        private readonly ConcurrentDictionary<string, IdListing> _listings = new ConcurrentDictionary<string, IdListing>(StringComparer.Ordinal);

        public static IdCompletion Shared { get; } = new IdCompletion();

        /// <summary>How long one completion may spend reading pages.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>How long what was read serves later completions.</summary>
        public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The page size asked for (the model's maximum).</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>Enough matches to offer: reading stops once this many are found.</summary>
        public int MaxSuggestions { get; set; } = 100;

        /// <summary>Most ids kept per listing, so a huge environment cannot fill the memory.</summary>
        public int MaxItems { get; set; } = 20_000;

        public IReadOnlyList<IdSuggestion> Complete(FinSpaceServices services, IdKind kind, string? parentId, string? prefix)
        {
            if (kind is IdKind.Changeset or IdKind.DataView && string.IsNullOrEmpty(parentId))
            {
                return Array.Empty<IdSuggestion>();
            }

            var start = prefix ?? string.Empty;
            var key = $"{RuntimeHelpers.GetHashCode(services.Client)}|{kind}|{parentId}";
            var now = DateTime.UtcNow;
            var listing = _listings.AddOrUpdate(
                key,
                _ => new IdListing(ct => Suggestions(services, kind, parentId!, ct), now),
                (_, existing) =>
                {
                    if (now - existing.StartedAt <= CacheFor && !existing.Failed)
                    {
                        return existing;
                    }

                    existing.Dispose();
                    return new IdListing(ct => Suggestions(services, kind, parentId!, ct), now);
                });

            var found = listing.Read(now + Timeout, MaxItems, s => Matches(s, start), MaxSuggestions);
            return found
                .Where(s => s.Id.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                .Concat(found.Where(s => !s.Id.StartsWith(start, StringComparison.OrdinalIgnoreCase) && Matches(s, start)))
                .Take(MaxSuggestions)
                .ToList();
        }

        /// <summary>An id by its start, a label by any part of it, ignoring case.</summary>
        public static bool Matches(IdSuggestion suggestion, string prefix) =>
            suggestion.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || suggestion.Label.IndexOf(prefix, StringComparison.OrdinalIgnoreCase) >= 0;

        private IAsyncEnumerable<IdSuggestion> Suggestions(FinSpaceServices services, IdKind kind, string parentId, CancellationToken ct) => kind switch
        {
            IdKind.Dataset => services.Datasets.ListAsync(PageSize, ct).Map(d => new IdSuggestion(d.DatasetId, d.Title ?? string.Empty), ct),
            IdKind.Changeset => services.Changesets.ListAsync(parentId, PageSize, ct).Map(c => new IdSuggestion(c.ChangesetId, $"{c.ChangeType} {c.Status}"), ct),
            IdKind.DataView => services.DataViews.ListAsync(parentId, PageSize, ct).Map(v => new IdSuggestion(v.DataViewId, $"{v.DestinationType} {v.Status}"), ct),
            IdKind.PermissionGroup => services.PermissionGroups.ListAsync(PageSize, ct).Map(g => new IdSuggestion(g.PermissionGroupId, g.Name ?? string.Empty), ct),
            _ => services.Users.ListAsync(PageSize, ct).Map(u => new IdSuggestion(u.UserId, u.EmailAddress ?? string.Empty), ct),
        };
    }
}
