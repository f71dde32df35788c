using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace FinSpace.Pester.Tests;

/// <summary>
/// One run of tests/Pester in the pinned pwsh, shared by every reported result. A run that could not
/// start, or that ended without results, is itself a result: a failure that says why, never a skip.
/// </summary>
internal sealed class PesterRun
{
    private static readonly Lazy<PesterRun> SharedRun = new(Start);

    private PesterRun(IReadOnlyList<PesterResult> results, string summary)
    {
        Results = results;
        Summary = summary;
    }

    public static PesterRun Shared => SharedRun.Value;

    public IReadOnlyList<PesterResult> Results { get; }

    public string Summary { get; }

    private static string Setting(string key) =>
        typeof(PesterRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static PesterRun Start()
    {
        var root = Setting("RepositoryRoot");
        var resultPath = Path.Combine(root, "out", "test-results", "pester.json");
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        File.Delete(resultPath);
        File.Delete(Path.ChangeExtension(resultPath, ".summary.txt"));
        // The run's whole output, kept for .ci/run (which prints the tests' "[figure]" lines) and for reading a failure.
        var logPath = Path.ChangeExtension(resultPath, ".log");
        File.Delete(logPath);

        var script = Path.Combine(root, "tests", "Pester", "Invoke-FSPester.ps1");
        // The pwsh of the repository's tool manifest, through the dotnet that runs this test.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script, "-Configuration", Setting("Configuration"), "-ResultPath", resultPath })
        {
            start.ArgumentList.Add(argument);
        }

        // Keep a developer's own modules and profile out of the run; the script puts the pinned Pester first.
        start.Environment.Remove("PSModulePath");

        var output = new StringBuilder();
        int exitCode;
        try
        {
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            exitCode = process.ExitCode;
            lock (output)
            {
                File.WriteAllText(logPath, output.ToString());
            }
        }
        catch (Exception exception)
        {
            return NotRun($"could not start '{dotnet} tool run pwsh': {exception.Message}. The pinned PowerShell comes from .config/dotnet-tools.json; run 'dotnet tool restore' in {root}.", output);
        }

        if (!File.Exists(resultPath))
        {
            return NotRun($"Invoke-FSPester.ps1 exited with code {exitCode} and wrote no results. If pwsh is missing, run 'dotnet tool restore' in {root}; if Pester is missing, run 'dotnet build tests/FinSpace.Pester.Tests'.", output);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(resultPath));
        var summary = document.RootElement.GetProperty("summary").GetString() ?? string.Empty;
        var results = document.RootElement.GetProperty("results").EnumerateArray().Select(PesterResult.From).ToList();
        if (results.Count == 0)
        {
            return NotRun($"the Pester run reported no tests (exit code {exitCode}).", output);
        }

        if (exitCode != 0 && results.All(r => r.Passed))
        {
            results.Add(new PesterResult("Run", "Invoke-FSPester.ps1", new[] { "the Pester run" }, "Failed", 0, $"every test passed but Invoke-FSPester.ps1 exited with code {exitCode}:\n{output}"));
        }

        return new PesterRun(results, summary);
    }

    private static PesterRun NotRun(string why, StringBuilder output) =>
        new(new[] { new PesterResult("Run", "Invoke-FSPester.ps1", new[] { "the Pester suite" }, "NotRun", 0, $"The Pester suite did not run: {why}\n{output}") }, "the Pester suite did not run");
}
