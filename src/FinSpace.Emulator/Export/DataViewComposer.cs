using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Model;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Export;

/// <summary>
/// Which changesets a dataview sees as of a time, and how they combine. A changeset counts once its
/// ingestion succeeded and its activeFromTimestamp is at or before the time (compared in whole
/// milliseconds, as the wire carries them). In creation order, REPLACE starts the data over and
/// APPEND adds to it. A changeset that updates another (UpdateChangeset, or MODIFY) takes the place
/// of the one it updates, in that one's position and with its REPLACE/APPEND role, from its own
/// activeFromTimestamp on; before that the original is seen.
/// </summary>
internal static class DataViewComposer
{
    public sealed record Part(string ChangesetId, bool Replaces);

    public static List<Part> Compose(IReadOnlyList<ChangesetRecord> changesets, DateTimeOffset asOf, DateTimeOffset now)
    {
        var byId = changesets.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var limit = asOf.ToUnixTimeMilliseconds();
        bool Active(ChangesetRecord c) => Lifecycle.ActiveFrom(c, now) is { } from && from.ToUnixTimeMilliseconds() <= limit;

        var parts = new List<(long Position, Part Part)>();
        foreach (var c in changesets.Where(Active))
        {
            if (c.UpdatedByChangesetId is { } updater && byId.TryGetValue(updater, out var successor) && Active(successor))
            {
                continue;
            }

            var root = c;
            while (root.UpdatesChangesetId is { } earlier && byId.TryGetValue(earlier, out var original))
            {
                root = original;
            }

            // A MODIFY with nothing before it to replace simply adds its rows.
            parts.Add((root.Seq, new Part(c.Id, root.ChangeType == ChangeType.Replace.Value)));
        }

        return parts.OrderBy(p => p.Position).Select(p => p.Part).ToList();
    }
}
