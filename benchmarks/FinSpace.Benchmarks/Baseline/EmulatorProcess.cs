using System;
using System.Diagnostics;
using System.IO;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>
/// The emulator's own command line, started from the copy built beside this program, so that boto3, the
/// AWS CLI and our client are all clients of one separate server process with the same data.
/// </summary>
internal static class EmulatorProcess
{
    public const string ListeningPrefix = "listening on ";

    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var directory = AppContext.BaseDirectory;
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "FinSpace.Emulator.exe" : "FinSpace.Emulator");
        ProcessStartInfo info;
        if (File.Exists(apphost))
        {
            info = new ProcessStartInfo(apphost);
        }
        else
        {
            info = new ProcessStartInfo("dotnet");
            info.ArgumentList.Add(Path.Combine(directory, "FinSpace.Emulator.dll"));
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }
}
