using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace FinSpace.Emulator;

/// <summary>
/// Every API request received, per operation, counted before anything can reject it (signature,
/// validation, faults), so a test can prove that a client sent nothing. Requests that match no route
/// count under <see cref="UnknownOperation"/>; the admin path is never counted.
/// </summary>
public sealed class RequestCounters
{
    /// <summary>The name unmatched requests are counted under.</summary>
    public const string UnknownOperation = "UnknownOperation";

    private readonly ConcurrentDictionary<string, long> _counts = new(System.StringComparer.Ordinal);
    private long _total;

    /// <summary>All API requests since start or the last reset.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests received for <paramref name="operation"/> (0 when none).</summary>
    public long this[string operation] => _counts.TryGetValue(operation, out var n) ? n : 0;

    /// <summary>A copy of the non-zero counts.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, System.StringComparer.Ordinal);

    /// <summary>Sets every count back to zero.</summary>
    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    internal void Increment(string operation)
    {
        _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }
}
