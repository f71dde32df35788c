using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Cli;

/// <summary>Runs the emulator from the command line until Ctrl+C or SIGTERM.</summary>
internal static class CommandLineHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        CommandLineOptions parsed;
        try
        {
            parsed = CommandLineOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (parsed.ShowHelp)
        {
            Console.WriteLine(HelpText.Text);
            return 0;
        }

        if (parsed.Verbose)
        {
            parsed.Emulator.RequestLog = line => Console.WriteLine(line);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });

        FinSpaceEmulator emulator;
        try
        {
            emulator = await FinSpaceEmulator.StartAsync(parsed.Emulator, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or System.IO.IOException)
        {
            Console.Error.WriteLine($"The emulator could not start: {e.Message}");
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            var seed = parsed.Seed;
            if (seed.Datasets + seed.Users + seed.PermissionGroups > 0)
            {
                var seeded = emulator.Admin.Seed(seed);
                Console.WriteLine($"Seeded {seeded.Datasets} datasets, {seeded.Users} users, {seeded.PermissionGroups} permission groups, {seeded.Memberships} memberships in {seeded.Elapsed.TotalMilliseconds:0} ms.");
            }

            PrintBanner(emulator, emulator.Options);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
        }

        return 0;
    }

    private static void PrintBanner(FinSpaceEmulator emulator, EmulatorOptions options)
    {
        var url = emulator.BaseAddress.ToString().TrimEnd('/');
        Console.WriteLine($"FinSpace emulator listening on {url}");
        if (options.VerifySignatures)
        {
            Console.WriteLine($"  credentials: AWS_ACCESS_KEY_ID={EmulatorCredentials.AccessKeyId} AWS_SECRET_ACCESS_KEY={EmulatorCredentials.SecretAccessKey} (any region; service finspace-api)");
        }
        else
        {
            Console.WriteLine("  signatures are not checked (--no-auth)");
        }

        Console.WriteLine($"  try: aws finspace-data list-datasets --endpoint-url {url} --region {EmulatorCredentials.DefaultRegion}");
        Console.WriteLine($"  boto3: boto3.client('finspace-data', endpoint_url='{url}', region_name='{EmulatorCredentials.DefaultRegion}')");
        if (options.StsEndpoint is { } sts)
        {
            Console.WriteLine($"  also accepts keys issued by the STS at {sts}");
        }

        Console.WriteLine(options.DataDirectory is null ? "  state: in memory" : $"  state: {options.DataDirectory}");
        if (options.WorkingLocation.S3Endpoint is { } s3)
        {
            Console.WriteLine($"  working bucket {options.WorkingLocation.Bucket} on {s3}");
        }

        var limits = options.RateLimits;
        if (limits.IsActive)
        {
            var overrides = string.Join(", ", limits.Operations.Select(o => $"{o.Key}={o.Value.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)}/s"));
            Console.WriteLine($"  rate limit per operation: {(limits.RequestsPerSecond > 0 ? $"{limits.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)}/s, burst {new OperationRateLimit(limits.RequestsPerSecond, limits.Burst).EffectiveBurst}" : "none")}{(overrides.Length > 0 ? $"; {overrides}" : string.Empty)}");
        }

        Console.WriteLine($"  admin: {url}/_emulator/health (Ctrl+C to stop)");
    }
}
