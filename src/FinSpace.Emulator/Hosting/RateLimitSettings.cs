using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Metadata;

namespace FinSpace.Emulator;

/// <summary>
/// Request-rate limits, enforced as AWS does: one token bucket per operation. A bucket holds up to
/// its burst and refills at its rate; a request takes one token or is answered 429
/// ThrottlingException. <see cref="RequestsPerSecond"/> applies to every operation without an entry
/// in <see cref="Operations"/>; 0 means unlimited.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Steady rate each operation may be called at; 0 (the default) means no limit.</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>Bucket size: how many requests may arrive at once after a quiet spell. Null means the rate rounded up (at least 1).</summary>
    public int? Burst { get; set; }

    /// <summary>Per-operation limits that replace the default for that operation (a rate of 0 exempts it).</summary>
    public IDictionary<string, OperationRateLimit> Operations { get; set; } = new Dictionary<string, OperationRateLimit>(StringComparer.Ordinal);

    /// <summary>True when any request can be limited.</summary>
    public bool IsActive => RequestsPerSecond > 0 || Operations.Values.Any(o => o.RequestsPerSecond > 0);

    /// <summary>The limit that applies to <paramref name="operation"/>, or null when it is unlimited.</summary>
    public OperationRateLimit? For(string operation)
    {
        var limit = Operations.TryGetValue(operation, out var specific) ? specific : new OperationRateLimit(RequestsPerSecond, Burst);
        return limit.RequestsPerSecond > 0 ? limit : null;
    }

    /// <summary>Throws when a rate or burst is negative or not a number, or an operation is not in the service model.</summary>
    public void Validate()
    {
        Check(new OperationRateLimit(RequestsPerSecond, Burst), "the default limit");
        foreach (var (operation, limit) in Operations)
        {
            if (!ServiceModel.Operations.Any(o => o.Name == operation))
            {
                throw new ArgumentException($"'{operation}' is not an operation of the FinSpace Data API (names are case-sensitive, e.g. CreateUser).");
            }

            Check(limit, operation);
        }
    }

    internal RateLimitSettings Clone() => new()
    {
        RequestsPerSecond = RequestsPerSecond,
        Burst = Burst,
        Operations = new Dictionary<string, OperationRateLimit>(Operations, StringComparer.Ordinal),
    };

    private static void Check(OperationRateLimit limit, string what)
    {
        if (double.IsNaN(limit.RequestsPerSecond) || double.IsInfinity(limit.RequestsPerSecond) || limit.RequestsPerSecond < 0)
        {
            throw new ArgumentException($"The rate of {what} must be a non-negative number of requests per second.");
        }

        if (limit.Burst is < 1)
        {
            throw new ArgumentException($"The burst of {what} must be at least 1.");
        }
    }
}

/// <summary>One operation's bucket: its refill rate and size (null = the rate rounded up, at least 1).</summary>
public sealed record OperationRateLimit(double RequestsPerSecond, int? Burst = null)
{
    /// <summary>The bucket size in force.</summary>
    public int EffectiveBurst => Burst ?? Math.Max(1, (int)Math.Ceiling(RequestsPerSecond));
}
