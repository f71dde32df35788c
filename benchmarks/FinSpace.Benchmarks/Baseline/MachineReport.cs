using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>
/// <c>machine</c>: prints the description that goes beside published results (CPU, cores, memory, OS,
/// .NET, Python/boto3/AWS CLI, date, and the load average, since other work on the machine moves the
/// numbers). Reads /proc where it exists; prints "unknown" elsewhere.
/// </summary>
internal static class MachineReport
{
    public const string Mode = "machine";

    public static int Run()
    {
        Console.WriteLine("| | |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |");
        Console.WriteLine($"| CPU | {ProcField("/proc/cpuinfo", "model name") ?? "unknown"}, {Environment.ProcessorCount} logical cores{Hypervisor()} |");
        Console.WriteLine($"| memory | {Memory()} |");
        Console.WriteLine($"| OS | {OsName()}, kernel {Environment.OSVersion.Version}, {RuntimeInformation.OSArchitecture} |");
        Console.WriteLine($"| .NET | {RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} |");
        Console.WriteLine($"| Python | {Run("python3", "-c \"import sys,boto3,botocore;print(sys.version.split()[0], 'boto3', boto3.__version__, 'botocore', botocore.__version__)\"")} |");
        Console.WriteLine($"| AWS CLI | {Run("aws", "--version")} |");
        Console.WriteLine($"| load average (1, 5, 15 min) | {Load()} |");
        return 0;
    }

    private static string? ProcField(string path, string name)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line?.Substring(line.IndexOf(':') + 1).Trim();
    }

    private static string Hypervisor() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("flags", StringComparison.Ordinal) && l.Contains(" hypervisor", StringComparison.Ordinal))
            ? " (virtual machine)"
            : string.Empty;

    private static string Memory()
    {
        var total = ProcField("/proc/meminfo", "MemTotal");
        if (total is null)
        {
            return "unknown";
        }

        var kb = double.Parse(total.Split(' ')[0], CultureInfo.InvariantCulture);
        return (kb / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
    }

    private static string OsName()
    {
        var line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
        return line?.Substring("PRETTY_NAME=".Length).Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
