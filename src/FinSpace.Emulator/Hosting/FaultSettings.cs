using System;
using System.Collections.Generic;

namespace FinSpace.Emulator;

/// <summary>
/// Faults injected into API requests (never into the admin path). Each matching request draws one
/// number from a generator seeded with <see cref="Seed"/>: below <see cref="ThrottleRate"/> it is
/// throttled, then below the sum with <see cref="ErrorRate"/> it fails with a 500, then below the sum
/// with <see cref="DropRate"/> its connection is dropped mid-response after the operation ran. The same
/// seed and the same request sequence give the same faults.
/// </summary>
public sealed class FaultSettings
{
    /// <summary>Fraction (0..1) answered 429 ThrottlingException.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Fraction (0..1) answered 500 InternalServerException.</summary>
    public double ErrorRate { get; set; }

    /// <summary>
    /// Fraction (0..1) whose connection is aborted after the headers and part of the body were sent.
    /// The operation has run by then, as when a real network drops a response.
    /// </summary>
    public double DropRate { get; set; }

    /// <summary>Delay added before every matching request is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Seed of the fault generator.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Operation names the faults apply to; null or empty means every operation.</summary>
    public IReadOnlyCollection<string>? Operations { get; set; }

    /// <summary>True when any fault or latency is configured.</summary>
    public bool IsActive => ThrottleRate > 0 || ErrorRate > 0 || DropRate > 0 || Latency > TimeSpan.Zero;

    /// <summary>Throws when a rate is outside 0..1, their sum exceeds 1 or the latency is negative.</summary>
    public void Validate()
    {
        CheckRate(ThrottleRate, nameof(ThrottleRate));
        CheckRate(ErrorRate, nameof(ErrorRate));
        CheckRate(DropRate, nameof(DropRate));
        if (ThrottleRate + ErrorRate + DropRate > 1.0 + 1e-9)
        {
            throw new ArgumentException("The fault rates add up to more than 1.");
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("Latency must not be negative.");
        }
    }

    internal FaultSettings Clone() => new()
    {
        ThrottleRate = ThrottleRate,
        ErrorRate = ErrorRate,
        DropRate = DropRate,
        Latency = Latency,
        Seed = Seed,
        Operations = Operations is null ? null : new List<string>(Operations),
    };

    private static void CheckRate(double rate, string name)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentException($"{name} must be between 0 and 1.");
        }
    }
}
