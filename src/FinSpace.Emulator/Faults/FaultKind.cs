namespace FinSpace.Emulator.Faults;

/// <summary>What the fault injector decided for one request.</summary>
internal enum FaultKind
{
    None,
    Throttle,
    InternalError,
    DropConnection,
}
