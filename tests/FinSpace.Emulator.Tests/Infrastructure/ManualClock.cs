using System;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, so lifecycles and expiry are checked without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset? start = null)
    {
        // Whole milliseconds: the wire carries epoch milliseconds, so comparisons stay exact.
        var now = start ?? DateTimeOffset.UtcNow;
        _now = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
