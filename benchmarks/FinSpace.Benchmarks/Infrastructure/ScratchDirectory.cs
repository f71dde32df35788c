using System;
using System.IO;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>A fresh folder under the temp directory, removed on dispose (an emulator's SQLite data directory).</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "finspace-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open is left for the OS to clean; it is in the temp directory.
        }
    }
}
