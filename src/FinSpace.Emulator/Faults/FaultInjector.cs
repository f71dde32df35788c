using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.Faults;

/// <summary>
/// Draws faults from a seeded generator, one draw per matching request in arrival order, so a
/// sequential client sees the same faults on every run with the same seed.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private FaultSettings _settings = new();
    private HashSet<string>? _operations;
    private Random _random = new(1);

    public FaultInjector(FaultSettings settings)
    {
        Apply(settings);
    }

    /// <summary>A copy of the settings in force.</summary>
    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings.Clone();
            }
        }
    }

    /// <summary>Replaces the settings and restarts the generator from their seed.</summary>
    public void Apply(FaultSettings settings)
    {
        settings.Validate();
        lock (_gate)
        {
            _settings = settings.Clone();
            _operations = settings.Operations is { Count: > 0 } ops ? new HashSet<string>(ops, StringComparer.Ordinal) : null;
            _random = new Random(settings.Seed);
        }
    }

    public (FaultKind Kind, TimeSpan Latency) Decide(string operation)
    {
        lock (_gate)
        {
            if (!_settings.IsActive || (_operations is not null && !_operations.Contains(operation)))
            {
                return (FaultKind.None, TimeSpan.Zero);
            }

            var draw = _random.NextDouble();
            var kind = draw < _settings.ThrottleRate ? FaultKind.Throttle
                : draw < _settings.ThrottleRate + _settings.ErrorRate ? FaultKind.InternalError
                : draw < _settings.ThrottleRate + _settings.ErrorRate + _settings.DropRate ? FaultKind.DropConnection
                : FaultKind.None;
            return (kind, _settings.Latency);
        }
    }
}
