using System;
using System.IO;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// The reference service model in shared/finspace-data beside the repository (../shared from the
/// folder holding FinSpace.PowerShell.sln). It is not part of the repository; tests that need it skip
/// with a clear message when it is absent.
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

    private static Exception SkipException(string name)
    {
        Assert.Skip($"The reference model file '{name}' was not found in ../shared/finspace-data next to the repository root (the folder holding FinSpace.PowerShell.sln); this test needs it.");
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
