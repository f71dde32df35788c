using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FinSpace.Pester.Tests;

/// <summary>One Pester test (or a failed block or file) as Invoke-FSPester.ps1 -ResultPath wrote it.</summary>
public sealed class PesterResult
{
    public PesterResult(string kind, string file, IReadOnlyList<string> path, string result, int durationMs, string error)
    {
        Kind = kind;
        File = file;
        Path = path;
        Result = result;
        DurationMs = durationMs;
        Error = error;
    }

    /// <summary>Test, Block (a Describe or Context whose setup failed), Container (a file that failed) or Run.</summary>
    public string Kind { get; }
    public string File { get; }
    /// <summary>The Describe and Context names, then the It name.</summary>
    public IReadOnlyList<string> Path { get; }
    /// <summary>Pester's result: Passed, Failed, Skipped, NotRun or Inconclusive.</summary>
    public string Result { get; }
    public int DurationMs { get; }
    public string Error { get; }

    public bool Passed => Result == "Passed";

    /// <summary>How the report names it, e.g. "Datasets.Tests.ps1: New-FSDataset › creates a dataset".</summary>
    public string DisplayName => $"{File}: {string.Join(" › ", Path)}" + (Kind == "Test" ? string.Empty : $" [{Kind.ToLowerInvariant()}]");

    /// <summary>What the report appends to the display name: the outcome.</summary>
    public override string ToString() => Result;

    internal static PesterResult From(JsonElement entry) => new(
        entry.GetProperty("kind").GetString() ?? "Test",
        entry.GetProperty("file").GetString() ?? string.Empty,
        entry.GetProperty("path") is { ValueKind: JsonValueKind.Array } path ? path.EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToList() : new List<string> { entry.GetProperty("path").GetString() ?? string.Empty },
        entry.GetProperty("result").GetString() ?? "Unknown",
        entry.TryGetProperty("durationMs", out var duration) && duration.ValueKind == JsonValueKind.Number ? duration.GetInt32() : 0,
        entry.TryGetProperty("error", out var error) ? error.GetString() ?? string.Empty : string.Empty);
}
