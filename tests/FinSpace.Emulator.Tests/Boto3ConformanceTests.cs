using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>
/// Runs tests/Conformance/boto3_conformance.py against an in-process emulator: AWS's own client
/// judges the wire protocol for all 31 operations (and the AWS CLI once).
/// </summary>
public sealed class Boto3ConformanceTests
{
    [Fact]
    public async Task Boto3DrivesEveryOperationWithoutAMismatch()
    {
        var probe = await RunAsync("python3", "-c \"import boto3, botocore\"", TimeSpan.FromMinutes(1));
        if (probe is null || probe.Value.ExitCode != 0)
        {
            Assert.Fail("python3 with boto3 is not installed here, so AWS's own client cannot judge the emulator: install Python 3 and pip install boto3 awscli.");
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "Conformance", "boto3_conformance.py");
        await using var emulator = await Emulators.StartAsync(o => o.Lifecycle = LifecycleTimings.Uniform(TimeSpan.FromMilliseconds(40)));
        var endpoint = emulator.BaseAddress.ToString().TrimEnd('/');

        var run = await RunAsync("python3", $"\"{script}\" --endpoint-url {endpoint}", TimeSpan.FromMinutes(3));

        Assert.NotNull(run);
        TestContext.Current.TestOutputHelper?.WriteLine(run.Value.Output);
        Assert.True(run.Value.ExitCode == 0, $"boto3 conformance failed (exit {run.Value.ExitCode}):\n{run.Value.Output}");
        Assert.Contains("31/31 operations covered", run.Value.Output);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FinSpace.PowerShell.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FinSpace.PowerShell.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Exit code and combined output, or null when the program cannot be started at all.</summary>
    private static async Task<(int ExitCode, string Output)?> RunAsync(string program, string arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"timed out after {limit}\n{await stdout}\n{await stderr}");
            }

            return (process.ExitCode, (await stdout) + (await stderr));
        }
    }
}
