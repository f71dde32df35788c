using System.Collections.Generic;

namespace FinSpace.Emulator.Tables;

/// <summary>
/// What one changeset ingested: rows of cell text in <see cref="Columns"/> order (a tabular dataset),
/// or the source files byte for byte (a dataset without a schema).
/// </summary>
internal sealed class ChangesetData
{
    /// <summary>The schema's column names when the rows were ingested; exports map by name, so later schema edits keep working.</summary>
    public string[] Columns { get; init; } = [];

    public List<string?[]> Rows { get; init; } = new();

    /// <summary>Files kept as they were, with their path relative to the source folder.</summary>
    public List<StoredFile> Files { get; init; } = new();
}

/// <summary>A file kept as-is: its path relative to the changeset's source folder and its bytes.</summary>
internal sealed record StoredFile(string RelativePath, byte[] Content);
