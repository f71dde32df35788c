using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.Persistence;

/// <summary>Where state is written through to. Every method is called under the state lock.</summary>
internal interface IStateStore : IDisposable
{
    /// <summary>Every stored row, in creation order.</summary>
    IEnumerable<StoredRow> LoadAll();

    /// <summary>Writes the changes atomically; returns only once they are durable.</summary>
    void Commit(IReadOnlyList<StoreChange> changes);

    /// <summary>Deletes every stored record (metadata is kept).</summary>
    void Clear();

    string? GetMeta(string key);

    void SetMeta(string key, string value);
}
