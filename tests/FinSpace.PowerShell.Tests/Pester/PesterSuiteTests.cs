using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Pester;

/// <summary>
/// Runs tests/Pester in a real PowerShell whenever pwsh is on PATH, so `dotnet test` is the one
/// test command everywhere. Where PowerShell is absent the suite cannot run and the skip says so.
/// </summary>
public sealed class PesterSuiteTests
{
    [Fact]
    public void ThePesterSuitePassesAgainstTheBuiltModule()
    {
        var pwsh = FindOnPath(OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        if (pwsh is null)
        {
            Assert.Skip("pwsh is not on PATH: tests/Pester runs wherever PowerShell 7 is installed (see tests/Pester/README.md).");
        }

        var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "Pester", "Invoke-FSPester.ps1");
        var start = new ProcessStartInfo(pwsh!, new[] { "-NoProfile", "-NonInteractive", "-File", script, "-Configuration", TestPaths.Configuration })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        TestContext.Current.SendDiagnosticMessage(output.ToString());
        Assert.True(process.ExitCode == 0, $"The Pester suite failed (exit code {process.ExitCode}):{Environment.NewLine}{output}");
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
