using System;

namespace FinSpace.Emulator.Faults;

/// <summary>
/// A token bucket read against a clock: tokens accrue continuously at the rate up to the burst, and
/// each admitted request takes one. Not thread-safe; <see cref="RateLimiter"/> serializes access.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _capacity;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    public TokenBucket(OperationRateLimit limit, DateTimeOffset now)
    {
        _rate = limit.RequestsPerSecond;
        _capacity = limit.EffectiveBurst;
        _tokens = _capacity;
        _refilledAt = now;
    }

    public bool TryTake(DateTimeOffset now)
    {
        // A clock moved backwards (a test's manual clock, an NTP step) adds nothing rather than failing.
        if (now > _refilledAt)
        {
            _tokens = Math.Min(_capacity, _tokens + (now - _refilledAt).TotalSeconds * _rate);
            _refilledAt = now;
        }

        // The tolerance absorbs floating-point dust: 10 requests 100 ms apart at 10/s must all pass.
        if (_tokens >= 1 - 1e-9)
        {
            _tokens = Math.Max(0, _tokens - 1);
            return true;
        }

        return false;
    }
}
