using System;
using FinSpace.Emulator.State;
using FinSpace.Emulator.Sts;

namespace FinSpace.Emulator.Handlers;

/// <summary>What a handler may use: the state (already locked), the clock reading of this request, and settings.</summary>
internal sealed class OperationContext
{
    public OperationContext(EmulatorState state, DateTimeOffset now, EmulatorOptions options, Arns arns, Pager pager, IssuedKey? minted = null)
    {
        Minted = minted;
        State = state;
        Now = now;
        Options = options;
        Arns = arns;
        Pager = pager;
    }

    public EmulatorState State { get; }

    /// <summary>One clock reading per request, so every field of a response agrees.</summary>
    public DateTimeOffset Now { get; }

    public EmulatorOptions Options { get; }

    public LifecycleTimings Timings => Options.Lifecycle;

    public Arns Arns { get; }

    public Pager Pager { get; }

    /// <summary>Keys the storage's STS issued for this request, when the operation hands keys out and storage is configured.</summary>
    public IssuedKey? Minted { get; }
}
