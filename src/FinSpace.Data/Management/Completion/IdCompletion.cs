using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace FinSpace.Management
{
    /// <summary>
    /// Ids for tab completion: asks the service with a short timeout, reads at most one page, and keeps
    /// the answer briefly so repeated Tab presses cost nothing. Never throws: completion that fails
    /// offers nothing.
    /// </summary>
    public sealed class IdCompletion
    {
        private readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<IdSuggestion> Items)> _cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<IdSuggestion>)>(StringComparer.Ordinal);

        public static IdCompletion Shared { get; } = new IdCompletion();

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
        public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>One page: completion must stay fast even with 100,000 datasets.</summary>
        public int MaxItems { get; set; } = 100;

        public IReadOnlyList<IdSuggestion> Complete(FinSpaceServices services, IdKind kind, string? parentId, string? prefix)
        {
            var key = $"{RuntimeHelpers.GetHashCode(services.Client)}|{kind}|{parentId}";
            var now = DateTime.UtcNow;
            if (!_cache.TryGetValue(key, out var cached) || now - cached.At > CacheFor)
            {
                var fetched = Fetch(services, kind, parentId);
                if (fetched is null)
                {
                    return Array.Empty<IdSuggestion>();
                }

                cached = (now, fetched);
                _cache[key] = cached;
            }

            var start = prefix ?? string.Empty;
            return cached.Items
                .Where(s => s.Id.StartsWith(start, StringComparison.OrdinalIgnoreCase) || s.Label.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                .ToList();
        }

        private IReadOnlyList<IdSuggestion>? Fetch(FinSpaceServices services, IdKind kind, string? parentId)
        {
            if (kind is IdKind.Changeset or IdKind.DataView && string.IsNullOrEmpty(parentId))
            {
                return null;
            }

            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                var items = Suggestions(services, kind, parentId!, timeout.Token);
                return items.AsBlocking(timeout.Token).Take(MaxItems).ToList();
            }
            catch (Exception)
            {
                // A slow or failing service must never break the user's command line.
                return null;
            }
        }

        private IAsyncEnumerable<IdSuggestion> Suggestions(FinSpaceServices services, IdKind kind, string parentId, CancellationToken ct) => kind switch
        {
            IdKind.Dataset => services.Datasets.ListAsync(MaxItems, ct).Map(d => new IdSuggestion(d.DatasetId, d.Title ?? string.Empty), ct),
            IdKind.Changeset => services.Changesets.ListAsync(parentId, MaxItems, ct).Map(c => new IdSuggestion(c.ChangesetId, $"{c.ChangeType} {c.Status}"), ct),
            IdKind.DataView => services.DataViews.ListAsync(parentId, MaxItems, ct).Map(v => new IdSuggestion(v.DataViewId, $"{v.DestinationType} {v.Status}"), ct),
            IdKind.PermissionGroup => services.PermissionGroups.ListAsync(MaxItems, ct).Map(g => new IdSuggestion(g.PermissionGroupId, g.Name ?? string.Empty), ct),
            _ => services.Users.ListAsync(MaxItems, ct).Map(u => new IdSuggestion(u.UserId, u.EmailAddress ?? string.Empty), ct),
        };
    }
}
