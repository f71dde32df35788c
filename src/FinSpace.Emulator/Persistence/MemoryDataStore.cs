using System.Collections.Concurrent;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Persistence;

/// <summary>Ingested data kept in memory only.</summary>
internal sealed class MemoryDataStore : IDataStore
{
    private readonly ConcurrentDictionary<string, ChangesetData> _data = new(System.StringComparer.Ordinal);

    public void Save(string changesetId, ChangesetData data) => _data[changesetId] = data;

    public ChangesetData? Load(string changesetId) => _data.TryGetValue(changesetId, out var data) ? data : null;

    public void Delete(string changesetId) => _data.TryRemove(changesetId, out _);

    public void Clear() => _data.Clear();

    public void Dispose()
    {
    }
}
