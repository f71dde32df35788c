using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// The reference service model in shared/finspace-data beside the repository (../shared from the
/// folder holding FinSpace.PowerShell.sln), or else the copy inside the installed botocore (which
/// has the model but not the endpoint test vectors). It is not part of the repository; tests that
/// need a file neither place has skip with a clear message.
/// </summary>
public static class SharedModel
{
    public static string? Directory { get; } = Locate();

    /// <summary>The full path of a file of the shared model, or null when it is not there.</summary>
    public static string? TryFile(string name)
    {
        if (Directory is null)
        {
            return null;
        }

        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The full path of a file of the shared model; skips the calling test when it is absent.</summary>
    public static string RequireFile(string name) =>
        TryFile(name) ?? throw SkipException(name);

    /// <summary>
    /// The text of a model file from ../shared, else from the installed botocore (gzipped there);
    /// skips the calling test when neither has it.
    /// </summary>
    public static string RequireText(string name)
    {
        if (TryFile(name) is { } shared)
        {
            return File.ReadAllText(shared);
        }

        if (BotocoreModelDirectory.Value is { } botocore)
        {
            var plain = Path.Combine(botocore, name);
            if (File.Exists(plain))
            {
                return File.ReadAllText(plain);
            }

            if (File.Exists(plain + ".gz"))
            {
                using var gzip = new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip);
                return reader.ReadToEnd();
            }
        }

        throw SkipException(name);
    }

    private static readonly Lazy<string?> BotocoreModelDirectory = new(() =>
    {
        try
        {
            var start = new ProcessStartInfo("python3", new[] { "-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data', 'finspace-data', '2020-07-13'))" })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && System.IO.Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    });

    private static Exception SkipException(string name)
    {
        Assert.Skip($"The reference model file '{name}' was found neither in ../shared/finspace-data next to the repository root (the folder holding FinSpace.PowerShell.sln) nor in an installed botocore; this test needs it.");
        return new InvalidOperationException("unreachable");
    }

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FinSpace.PowerShell.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "finspace-data"));
                return System.IO.Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
