using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data;
using FinSpace.Data.Model;
using FinSpace.Management;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>
/// Our side of the baseline, timed exactly as boto3_baseline.py times boto3: the same warm-up, counts,
/// page size and statistics, with a Stopwatch around each call instead of BenchmarkDotNet, so the two
/// columns of the report are measured alike.
/// </summary>
internal static class ClientTimings
{
    public sealed record Result(
        LatencySummary ClientCreation,
        LatencySummary GetDataset,
        IReadOnlyList<double> ListingSeconds,
        IReadOnlyList<double> CmdletListingSeconds,
        IReadOnlyList<double> ColdProcessMs,
        IReadOnlyList<double> ColdFirstCallMs,
        IReadOnlyList<double> ColdCreateMs);

    public static async Task<Result> MeasureAsync(Uri endpoint, string datasetId, BaselineOptions options)
    {
        var creation = new List<long>();
        for (var i = 0; i < options.Creations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            EmulatorClients.Create(endpoint).Dispose();
            creation.Add(Stopwatch.GetTimestamp() - start);
        }

        using var client = EmulatorClients.Create(endpoint);
        for (var i = 0; i < options.Warmup; i++)
        {
            await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }).ConfigureAwait(false);
        }

        var calls = new List<long>();
        for (var i = 0; i < options.Calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }).ConfigureAwait(false);
            calls.Add(Stopwatch.GetTimestamp() - start);
        }

        var listings = new List<double>();
        for (var i = 0; i < options.Listings; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var count = await ListAllAsync(client, options.PageSize).ConfigureAwait(false);
            listings.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            Expect(count, options.Datasets, "the paginator");
        }

        // What Get-FSDataset does with the items: mapped to output types, enumerated blocking.
        var services = new FinSpaceServices(client);
        var cmdletListings = new List<double>();
        for (var i = 0; i < options.Listings; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var count = services.Datasets.ListAsync(options.PageSize).AsBlocking().Count();
            cmdletListings.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            Expect(count, options.Datasets, "the cmdlet core path");
        }

        var (processMs, firstCallMs, createMs) = ColdProcesses(endpoint, options.ProcessRuns);
        return new Result(LatencySummary.FromTicks(creation), LatencySummary.FromTicks(calls), listings, cmdletListings, processMs, firstCallMs, createMs);
    }

    public static async Task<int> ListAllAsync(FinSpaceDataClient client, int pageSize)
    {
        var count = 0;
        await foreach (var _ in client.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = pageSize }).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static (List<double> ProcessMs, List<double> FirstCallMs, List<double> CreateMs) ColdProcesses(Uri endpoint, int runs)
    {
        var processMs = new List<double>();
        var firstCallMs = new List<double>();
        var createMs = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var process = Process.Start(SelfProcess.StartInfo(ColdCall.Mode, endpoint.ToString()))!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            processMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The cold-call process exited {process.ExitCode}: {errors}");
            }

            // "items 5 first-call-ms 123.4 create-ms 45.6"
            var words = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Expect(int.Parse(words[1], CultureInfo.InvariantCulture), 5, "the cold-call process");
            firstCallMs.Add(double.Parse(words[3], CultureInfo.InvariantCulture));
            createMs.Add(double.Parse(words[5], CultureInfo.InvariantCulture));
        }

        return (processMs, firstCallMs, createMs);
    }

    private static void Expect(int actual, int expected, string who)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{who} saw {actual} datasets, expected {expected}.");
        }
    }
}
