using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Emulator;

namespace FinSpace.Benchmarks.Benchmarks;

/// <summary>
/// Starting an emulator until it accepts connections: empty in memory (the host's own start-up), and on
/// a SQLite data directory holding 100,000 datasets (start-up plus loading them). Each run starts and
/// stops one emulator, so this is a monitoring run.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class EmulatorRestartBenchmarks
{
    private ScratchDirectory? _seeded;

    [GlobalSetup]
    public async Task Setup()
    {
        _seeded = new ScratchDirectory();
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { DataDirectory = _seeded.Path }).ConfigureAwait(false);
        emulator.Admin.Seed(new SeedRequest { Datasets = EmulatorSeedBenchmarks.DatasetCount });
    }

    [GlobalCleanup]
    public void Cleanup() => _seeded?.Dispose();

    [Benchmark(Baseline = true, Description = "start + stop, empty, in memory")]
    public async Task StartEmpty()
    {
        await using var emulator = await FinSpaceEmulator.StartAsync().ConfigureAwait(false);
    }

    [Benchmark(Description = "start + stop, SQLite with 100,000 datasets")]
    public async Task<int> StartSeededSqlite()
    {
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { DataDirectory = _seeded!.Path }).ConfigureAwait(false);
        return emulator.Admin.Summary().Datasets;
    }
}
