using System;
using System.Threading;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>The emulator's clock, moved only by the test: lifecycle status then changes exactly when told.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
