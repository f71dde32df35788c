using System;
using System.IO;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// The service model files vendored in model/finspace-data (botocore's, unchanged): the source of
/// truth the generated code, the client and the emulator are checked against. They are part of the
/// repository, so a test that cannot find one fails, naming the file.
/// </summary>
public static class ReferenceModel
{
    public static string Directory { get; } = Locate();

    /// <summary>The full path of a vendored model file; fails the calling test when it is missing.</summary>
    public static string RequireFile(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The vendored model file {path} is missing: it belongs to the repository (model/finspace-data); restore it with git.", path);
    }

    public static string RequireText(string name) => File.ReadAllText(RequireFile(name));

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FinSpace.PowerShell.sln")))
            {
                return Path.Combine(directory.FullName, "model", "finspace-data");
            }
        }

        throw new InvalidOperationException($"Cannot find the repository root (the folder holding FinSpace.PowerShell.sln) above {AppContext.BaseDirectory}.");
    }
}
