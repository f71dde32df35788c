using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.Faults;

/// <summary>
/// One token bucket per operation, created full on the operation's first request after the settings
/// change. Reads the emulator's clock, so a test with a manual clock decides exactly which requests pass.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private RateLimitSettings _settings = new();

    public RateLimiter(RateLimitSettings settings, TimeProvider clock)
    {
        _clock = clock;
        Apply(settings);
    }

    public RateLimitSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings.Clone();
            }
        }
    }

    /// <summary>Replaces the limits; every bucket starts full again.</summary>
    public void Apply(RateLimitSettings settings)
    {
        settings.Validate();
        lock (_gate)
        {
            _settings = settings.Clone();
            _buckets.Clear();
        }
    }

    /// <summary>True when the request may proceed (and took a token), false when it is over the limit.</summary>
    public bool TryAcquire(string operation)
    {
        lock (_gate)
        {
            if (!_settings.IsActive || _settings.For(operation) is not { } limit)
            {
                return true;
            }

            var now = _clock.GetUtcNow();
            if (!_buckets.TryGetValue(operation, out var bucket))
            {
                bucket = new TokenBucket(limit, now);
                _buckets.Add(operation, bucket);
            }

            return bucket.TryTake(now);
        }
    }
}
