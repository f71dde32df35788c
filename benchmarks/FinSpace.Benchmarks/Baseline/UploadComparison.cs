using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using FinSpace.Emulator;
using FinSpace.Management.Transfer;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>
/// <c>upload [--size-mb N]... [--repeat R] [--file-dir DIR] [--part-mb M] [--parallel P]</c>: a local CSV of N MB (generated once
/// in DIR, default the temp folder, never in the repository) into moto's S3, through Import-FSChangeset's
/// upload path (S3ObjectStore with the cmdlet's defaults: 16 MiB parts, 4 at a time) and through
/// <c>aws s3 cp</c> (AWS CLI defaults: 8 MiB parts, 10 at a time) against the same moto_server, one
/// after the other, each object deleted before the next run. Reports MB/s (10^6 bytes per second).
/// </summary>
internal static class UploadComparison
{
    public const string Mode = "upload";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Values(args, "--size-mb").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(1024).ToList();
        var repeat = Values(args, "--repeat").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Last();
        var directory = Values(args, "--file-dir").DefaultIfEmpty(Path.GetTempPath()).Last();

        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { StartMoto = true });
        var s3 = emulator.Options.WorkingLocation.S3Endpoint!.ToString().TrimEnd('/');
        var bucket = emulator.Options.WorkingLocation.Bucket;
        var partMb = Values(args, "--part-mb").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty((int)(TransferOptions.DefaultPartSize / TransferOptions.MiB)).Last();
        var parallel = Values(args, "--parallel").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(TransferOptions.DefaultConcurrentRequests).Last();
        var options = new TransferOptions { S3EndpointUrl = s3, PartSize = partMb * TransferOptions.MiB, ConcurrentRequests = parallel };
        var ourLabel = $"Import-FSChangeset upload path ({partMb} MiB parts, {parallel} parallel)";
        var factory = new S3ObjectStoreFactory(new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey), RegionEndpoint.USEast1);

        var report = new StringBuilder();
        report.AppendLine($"| file | client | run | seconds | MB/s |");
        report.AppendLine("| --- | --- | --- | ---: | ---: |");
        foreach (var size in sizes)
        {
            var file = EnsureFile(directory, size);
            var bytes = new FileInfo(file).Length;
            for (var run = 1; run <= repeat; run++)
            {
                using (var store = factory.ForConnection(options))
                {
                    var ours = Stopwatch.StartNew();
                    await store.UploadAsync(bucket, $"bench/ours-{size}.csv", file, _ => { }, CancellationToken.None);
                    ours.Stop();
                    Row(report, size, ourLabel, run, bytes, ours.Elapsed);
                    await store.DeletePrefixAsync(bucket, "bench/", CancellationToken.None);
                }

                var cli = Stopwatch.StartNew();
                RunAwsCli(file, $"s3://{bucket}/bench/cli-{size}.csv", s3);
                cli.Stop();
                Row(report, size, "aws s3 cp (AWS CLI v1 defaults: 8 MiB parts, 10 parallel)", run, bytes, cli.Elapsed);
                using (var store = factory.ForConnection(options))
                {
                    await store.DeletePrefixAsync(bucket, "bench/", CancellationToken.None);
                }
            }
        }

        Console.WriteLine(report);
        var results = Path.Combine("BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, "upload.md"), report.ToString());
        return 0;
    }

    private static void Row(StringBuilder report, int size, string client, int run, long bytes, TimeSpan elapsed)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "| {0} MB | {1} | {2} | {3:0.00} | {4:0.0} |", size, client, run, elapsed.TotalSeconds, bytes / 1e6 / elapsed.TotalSeconds);
        Console.WriteLine(line);
        report.AppendLine(line);
    }

    private static string EnsureFile(string directory, int sizeMb)
    {
        var path = Path.Combine(directory, $"finspace-bench-{sizeMb}mb.csv");
        long target = sizeMb * 1_000_000L;
        if (File.Exists(path) && new FileInfo(path).Length >= target)
        {
            return path;
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("ticker,price,volume,traded\n");
        long written = 27;
        for (long i = 0; written < target; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"T{i % 997},{i % 100000 / 100.0:0.00},{i},2024-{i % 12 + 1:00}-{i % 28 + 1:00}\n");
            writer.Write(line);
            written += line.Length;
        }

        return path;
    }

    private static void RunAwsCli(string file, string destination, string endpoint)
    {
        var start = new ProcessStartInfo("aws") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "s3", "cp", file, destination, "--endpoint-url", endpoint, "--region", "us-east-1", "--only-show-errors" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorCredentials.SecretAccessKey;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws could not be started (AWS CLI on PATH?).");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws s3 cp exited with {process.ExitCode}: {errors.Result}");
        }
    }

    private static System.Collections.Generic.IEnumerable<string> Values(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }
}
