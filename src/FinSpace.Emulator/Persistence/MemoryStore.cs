using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.Persistence;

/// <summary>No persistence: the in-memory state is all there is.</summary>
internal sealed class MemoryStore : IStateStore
{
    private readonly Dictionary<string, string> _meta = new(StringComparer.Ordinal);

    public IEnumerable<StoredRow> LoadAll() => Array.Empty<StoredRow>();

    public void Commit(IReadOnlyList<StoreChange> changes)
    {
    }

    public void Clear()
    {
    }

    public string? GetMeta(string key) => _meta.TryGetValue(key, out var value) ? value : null;

    public void SetMeta(string key, string value) => _meta[key] = value;

    public void Dispose()
    {
    }
}
