using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace FinSpace.Emulator;

/// <summary>
/// Every API request received, per operation, counted before anything can reject it (signature,
/// validation, faults), so a test can prove that a client sent nothing. Requests that match no route
/// count under <see cref="UnknownOperation"/>; the admin path is never counted. Requests refused by a
/// rate limit are counted again apart (<see cref="RateLimited"/>), so a test can prove a client slowed down.
/// </summary>
public sealed class RequestCounters
{
    /// <summary>The name unmatched requests are counted under.</summary>
    public const string UnknownOperation = "UnknownOperation";

    private readonly ConcurrentDictionary<string, long> _counts = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _rateLimited = new(System.StringComparer.Ordinal);
    private long _total;
    private long _rateLimitedTotal;

    /// <summary>All API requests since start or the last reset.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests answered 429 by a rate limit (not by an injected throttling fault).</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimitedTotal);

    /// <summary>Requests received for <paramref name="operation"/> (0 when none).</summary>
    public long this[string operation] => _counts.TryGetValue(operation, out var n) ? n : 0;

    /// <summary>Requests for <paramref name="operation"/> refused by its rate limit.</summary>
    public long RateLimitedFor(string operation) => _rateLimited.TryGetValue(operation, out var n) ? n : 0;

    /// <summary>A copy of the non-zero counts.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, System.StringComparer.Ordinal);

    /// <summary>A copy of the non-zero rate-limited counts.</summary>
    public IReadOnlyDictionary<string, long> RateLimitedSnapshot() => new SortedDictionary<string, long>(_rateLimited, System.StringComparer.Ordinal);

    /// <summary>Sets every count back to zero.</summary>
    public void Reset()
    {
        _counts.Clear();
        _rateLimited.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _rateLimitedTotal, 0);
    }

    internal void Increment(string operation)
    {
        _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    internal void IncrementRateLimited(string operation)
    {
        _rateLimited.AddOrUpdate(operation, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _rateLimitedTotal);
    }
}
