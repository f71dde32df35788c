namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>Where an emulator keeps its state: in memory, or written through to SQLite in a data directory.</summary>
public enum EmulatorStore
{
    Memory,
    Sqlite,
}
