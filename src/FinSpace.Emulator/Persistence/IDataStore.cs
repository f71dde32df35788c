using System;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Persistence;

/// <summary>
/// Where ingested rows and files live, by changeset id. Safe to call from any thread: ingestion jobs
/// write here without the state lock.
/// </summary>
internal interface IDataStore : IDisposable
{
    void Save(string changesetId, ChangesetData data);

    /// <summary>The changeset's data, or null when it stored none.</summary>
    ChangesetData? Load(string changesetId);

    void Delete(string changesetId);

    void Clear();
}
