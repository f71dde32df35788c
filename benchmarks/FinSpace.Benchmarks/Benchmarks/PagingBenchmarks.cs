using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data;
using FinSpace.Data.Model;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.Benchmarks.Benchmarks;

/// <summary>
/// Listing 10,000 datasets from the in-process emulator, page size 100, with signature checks on and
/// off: the lazy paginator, the cmdlet path (the cmdlets' cached client with its verbose-log
/// subscriber, items mapped to output types and enumerated blocking inside a log scope, as
/// Get-FSDataset writes them), and Take(5) — what <c>Get-FSDataset | Select-Object -First 5</c> costs:
/// one page. The "all" rows count one operation per item, so Mean is per item and Op/s is items/s.
/// Allocated includes the emulator's allocations (same process).
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class PagingBenchmarks
{
    public const int DatasetCount = 10_000;
    public const int PageSize = 100;

    private FinSpaceEmulator? _emulator;
    private FinSpaceDataClient? _client;
    private FinSpaceServices? _cmdletServices;

    [Params(true, false)]
    public bool VerifySignatures { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        HermeticAwsEnvironment.Apply();
        _emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions
        {
            VerifySignatures = VerifySignatures,
            Lifecycle = LifecycleTimings.Instant,
        }).ConfigureAwait(false);
        _emulator.Admin.Seed(new SeedRequest { Datasets = DatasetCount });
        _client = EmulatorClients.Create(_emulator.BaseAddress);
        _cmdletServices = ClientCache.Shared.GetServices(ConnectionResolver.Resolve(EmulatorClients.CmdletParameters(_emulator.BaseAddress)));

        var listed = await ClientPaginatorAll().ConfigureAwait(false);
        if (listed != DatasetCount || CmdletListAll() != DatasetCount || await ClientPaginatorTake5().ConfigureAwait(false) != 5)
        {
            throw new InvalidOperationException($"Expected {DatasetCount} datasets, listed {listed}.");
        }

        _emulator.Admin.Counters.Reset();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = DatasetCount, Description = "paginator, all (per item)")]
    public async Task<int> ClientPaginatorAll()
    {
        var count = 0;
        await foreach (var _ in _client!.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = PageSize }).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = DatasetCount, Description = "Get-FSDataset core path, all (per item)")]
    public int CmdletListAll()
    {
        // FinSpaceCmdlet.ForEachArriving: one log scope around the stream, verbose lines flushed per item.
        var log = new RequestLog();
        var count = 0;
        using (RequestLog.Enter(log))
        {
            foreach (var dataset in _cmdletServices!.Datasets.ListAsync(PageSize).AsBlocking())
            {
                foreach (var line in log.Drain())
                {
                    _ = line;
                }

                count++;
            }
        }

        return count;
    }

    [Benchmark(Description = "paginator, Take(5) (per call)")]
    public async Task<int> ClientPaginatorTake5()
    {
        var count = 0;
        await foreach (var _ in _client!.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = PageSize }).ConfigureAwait(false))
        {
            if (++count == 5)
            {
                break;
            }
        }

        return count;
    }
}
