using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data.Model;
using FinSpace.Management;
using Dataset = FinSpace.Management.Dataset;

namespace FinSpace.Benchmarks.Benchmarks;

/// <summary>
/// What the admin layer the cmdlets call adds to one request, against the same fixed-response server
/// as <see cref="ClientCallBenchmarks"/>: the raw client call, the same call through
/// <c>FinSpaceServices.Datasets.GetAsync</c> (mapping to the output type), and everything one
/// <c>Get-FSDataset -DatasetId … -EndpointUrl … -AccessKey … -SecretKey …</c> does in the core per
/// invocation (resolve the connection, look up the cached client, open the verbose-log scope, block on
/// the call as ProcessRecord does, drain the verbose lines). PowerShell's own parameter binding and
/// pipeline are not in it: there is no pwsh on these machines.
/// </summary>
[SimpleJob(warmupCount: 5, iterationCount: 40)]
public class CmdletCoreBenchmarks
{
    private ChildServer? _server;
    private ConnectionParameters? _parameters;
    private FinSpaceServices? _services;

    [GlobalSetup]
    public void Setup()
    {
        HermeticAwsEnvironment.Apply();
        _server = ChildServer.Start(SelfProcess.StartInfo(FixedResponseServer.Mode), "listening ", TimeSpan.FromSeconds(30));
        _parameters = EmulatorClients.CmdletParameters(_server.BaseAddress);

        // The cmdlets' own client: from the process-wide cache, with the verbose-log subscriber attached.
        _services = ClientCache.Shared.GetServices(ConnectionResolver.Resolve(_parameters));
        if (CmdletGetDataset().Schema?.Columns.Count != 3)
        {
            throw new InvalidOperationException("The fixed server's GetDataset answer did not map as expected.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _server?.Dispose();

    [Benchmark(Baseline = true, Description = "client.GetDatasetAsync")]
    public Task<GetDatasetResponse> ClientGetDataset() =>
        _services!.Client.GetDatasetAsync(new GetDatasetRequest { DatasetId = CannedResponses.DatasetId });

    [Benchmark(Description = "services.Datasets.GetAsync")]
    public Task<Dataset> ServicesGetDataset() => _services!.Datasets.GetAsync(CannedResponses.DatasetId);

    [Benchmark(Description = "Get-FSDataset core path")]
    public Dataset CmdletGetDataset()
    {
        // FinSpaceCmdlet.Connect, once per cmdlet invocation.
        var services = ClientCache.Shared.GetServices(ConnectionResolver.Resolve(_parameters!));

        // FinSpaceCmdlet.TryInvoke + FlushVerbose, once per pipeline item.
        var log = new RequestLog();
        Dataset dataset;
        using (RequestLog.Enter(log))
        {
            dataset = services.Datasets.GetAsync(CannedResponses.DatasetId).GetAwaiter().GetResult();
        }

        foreach (var line in log.Drain())
        {
            _ = line;
        }

        return dataset;
    }
}
