using System;

namespace FinSpace.Emulator;

/// <summary>
/// How long each asynchronous resource stays in each transitional state. Status is derived from the
/// time elapsed since creation (no background timers), so reads are deterministic and a test can make
/// every step zero or a few milliseconds.
/// </summary>
public sealed class LifecycleTimings
{
    /// <summary>The duration every step gets unless set otherwise: one second.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromSeconds(1);

    public TimeSpan ChangesetPending { get; set; } = DefaultStep;
    public TimeSpan ChangesetRunning { get; set; } = DefaultStep;
    public TimeSpan DataViewStarting { get; set; } = DefaultStep;
    public TimeSpan DataViewRunning { get; set; } = DefaultStep;
    public TimeSpan DatasetPending { get; set; } = DefaultStep;
    public TimeSpan DatasetRunning { get; set; } = DefaultStep;
    public TimeSpan UserCreating { get; set; } = DefaultStep;

    /// <summary>Every step set to <paramref name="step"/>.</summary>
    public static LifecycleTimings Uniform(TimeSpan step) => new()
    {
        ChangesetPending = step,
        ChangesetRunning = step,
        DataViewStarting = step,
        DataViewRunning = step,
        DatasetPending = step,
        DatasetRunning = step,
        UserCreating = step,
    };

    /// <summary>Every resource settles at once: reads after a create already see the final state.</summary>
    public static LifecycleTimings Instant => Uniform(TimeSpan.Zero);

    internal LifecycleTimings Clone() => (LifecycleTimings)MemberwiseClone();
}
