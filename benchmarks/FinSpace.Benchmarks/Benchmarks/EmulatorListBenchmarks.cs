using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data;
using FinSpace.Data.Model;
using FinSpace.Emulator;

namespace FinSpace.Benchmarks.Benchmarks;

/// <summary>
/// The emulator as a product: listing all 100,000 datasets, page size 100, in memory and on SQLite.
/// The raw walker (<see cref="RawDatasetWalker"/>, unsigned, nothing deserialized) shows how fast the
/// emulator can serve; our client's rate beside it shows how much of a real listing the emulator
/// accounts for. Signature checks are off so the raw walker needs no signer; PagingBenchmarks measures
/// their cost. One operation per item: Mean is per item, Op/s is items/s. Allocated includes the
/// emulator's allocations (same process). A listing takes about half a second; 15 iterations rather
/// than a handful, because on a small shared machine single runs vary by a factor of two or more.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 15)]
public class EmulatorListBenchmarks
{
    public const int DatasetCount = 100_000;
    public const int PageSize = 100;

    private FinSpaceEmulator? _emulator;
    private ScratchDirectory? _directory;
    private RawDatasetWalker? _walker;
    private FinSpaceDataClient? _client;

    [Params(EmulatorStore.Memory, EmulatorStore.Sqlite)]
    public EmulatorStore Store { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        HermeticAwsEnvironment.Apply();
        _directory = Store == EmulatorStore.Sqlite ? new ScratchDirectory() : null;
        _emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions
        {
            VerifySignatures = false,
            DataDirectory = _directory?.Path,
            Lifecycle = LifecycleTimings.Instant,
        }).ConfigureAwait(false);
        _emulator.Admin.Seed(new SeedRequest { Datasets = DatasetCount });
        _walker = new RawDatasetWalker(_emulator.BaseAddress, PageSize);
        _client = EmulatorClients.Create(_emulator.BaseAddress);

        var raw = await RawListAll().ConfigureAwait(false);
        var client = await ClientListAll().ConfigureAwait(false);
        if (raw != DatasetCount || client != DatasetCount)
        {
            throw new InvalidOperationException($"Expected {DatasetCount} datasets; the raw walk saw {raw}, the client {client}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _walker?.Dispose();
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }

        _directory?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DatasetCount, Description = "raw unsigned walk, all (per item)")]
    public Task<int> RawListAll() => _walker!.CountAllAsync();

    [Benchmark(OperationsPerInvoke = DatasetCount, Description = "client paginator, all (per item)")]
    public async Task<int> ClientListAll()
    {
        var count = 0;
        await foreach (var _ in _client!.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = PageSize }).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
