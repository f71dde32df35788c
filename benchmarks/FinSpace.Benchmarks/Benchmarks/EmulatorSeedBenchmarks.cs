using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Emulator;

namespace FinSpace.Benchmarks.Benchmarks;

/// <summary>
/// Seeding 100,000 datasets into a fresh emulator, in memory and with SQLite write-through (one
/// transaction). Each iteration starts an empty emulator (not timed) and seeds once (timed): a seed is
/// a one-off, so this is a monitoring run, not a steady-state throughput loop.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class EmulatorSeedBenchmarks
{
    public const int DatasetCount = 100_000;

    private FinSpaceEmulator? _emulator;
    private ScratchDirectory? _directory;

    [Params(EmulatorStore.Memory, EmulatorStore.Sqlite)]
    public EmulatorStore Store { get; set; }

    [IterationSetup]
    public void StartEmpty()
    {
        _directory = Store == EmulatorStore.Sqlite ? new ScratchDirectory() : null;
        _emulator = FinSpaceEmulator.StartAsync(new EmulatorOptions { DataDirectory = _directory?.Path })
            .GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Stop()
    {
        _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _directory?.Dispose();
    }

    [Benchmark(Description = "seed 100,000 datasets")]
    public SeedResult Seed() => _emulator!.Admin.Seed(new SeedRequest { Datasets = DatasetCount });
}
