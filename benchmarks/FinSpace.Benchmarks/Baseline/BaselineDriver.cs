using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data.Model;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>
/// <c>baseline</c>: starts one emulator process (the command line, signatures checked, N datasets
/// seeded, lifecycles instant), times our client against it, runs boto3_baseline.py against the same
/// process, and prints one markdown table with both (also written to the results folder with the
/// script's raw JSON).
/// </summary>
internal static class BaselineDriver
{
    public const string Mode = "baseline";

    private const int EmulatorWarmupCalls = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        BaselineOptions options;
        string script;
        try
        {
            options = BaselineOptions.Parse(args);
            script = options.Script ?? FindScript();
        }
        catch (ArgumentException problem)
        {
            Console.Error.WriteLine(problem.Message);
            return 2;
        }

        var started = Stopwatch.StartNew();
        var info = EmulatorProcess.StartInfo("--port", "0", "--seed-datasets", options.Datasets.ToString(CultureInfo.InvariantCulture), "--step-ms", "0");
        using var emulator = ChildServer.Start(info, EmulatorProcess.ListeningPrefix, TimeSpan.FromSeconds(60), stopsOnInputClose: false);
        var endpoint = emulator.BaseAddress;
        Console.WriteLine($"emulator: {endpoint} ({options.Datasets} datasets, signatures checked)");

        string datasetId;
        using (var client = EmulatorClients.Create(endpoint))
        {
            var first = await client.ListDatasetsAsync(new ListDatasetsRequest { MaxResults = 1 }).ConfigureAwait(false);
            datasetId = first.Datasets![0].DatasetId!;
        }

        // The emulator process starts cold (its JIT has compiled nothing yet): warm it before anything is
        // timed, so that neither side pays for its warm-up and the order of the two sides does not matter.
        // Its signed GetDataset path was measured still getting faster after 3,000 calls on a busy 2-core
        // machine (519 µs median after 3,000, 183 µs after 5,000 more; tiered JIT), so the warm-up is long.
        Console.WriteLine("warming the emulator ...");
        using (var client = EmulatorClients.Create(endpoint))
        {
            for (var i = 0; i < 3; i++)
            {
                await ClientTimings.ListAllAsync(client, options.PageSize).ConfigureAwait(false);
            }

            for (var i = 0; i < EmulatorWarmupCalls; i++)
            {
                await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }).ConfigureAwait(false);
            }
        }

        Console.WriteLine("timing our client ...");
        var ours = await ClientTimings.MeasureAsync(endpoint, datasetId, options).ConfigureAwait(false);

        Console.WriteLine($"timing boto3 and the AWS CLI ({script}) ...");
        var boto3Json = RunScript(options, script, endpoint, datasetId);
        using var boto3 = JsonDocument.Parse(boto3Json);

        var report = BaselineReport.Render(options, ours, boto3.RootElement, started.Elapsed);
        Console.WriteLine();
        Console.WriteLine(report);

        Directory.CreateDirectory(options.OutputDirectory);
        File.WriteAllText(Path.Combine(options.OutputDirectory, "baseline.md"), report);
        File.WriteAllText(Path.Combine(options.OutputDirectory, "baseline-boto3.json"), boto3Json);
        Console.WriteLine($"written to {Path.GetFullPath(options.OutputDirectory)}");
        return 0;
    }

    private static string RunScript(BaselineOptions options, string script, Uri endpoint, string datasetId)
    {
        var info = new ProcessStartInfo(options.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--endpoint-url", endpoint.ToString(), "--dataset-id", datasetId,
            "--expected", Text(options.Datasets), "--calls", Text(options.Calls), "--warmup", Text(options.Warmup),
            "--creations", Text(options.Creations), "--listings", Text(options.Listings),
            "--page-size", Text(options.PageSize), "--cli-runs", Text(options.ProcessRuns),
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {options.Python}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited {process.ExitCode}: {errors.Result}");
        }

        return output;
    }

    // From the current directory or this program's folder upwards: works from the repository root,
    // from the project folder and from the build output.
    private static string FindScript()
    {
        var relative = Path.Combine("benchmarks", "baseline", "boto3_baseline.py");
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(origin); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException($"{relative} was not found above the current directory; pass --script.");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
