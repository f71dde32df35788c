using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Persistence;

/// <summary>One row to write: a record to upsert, or (when <see cref="Record"/> is null) a key to delete.</summary>
internal readonly record struct StoreChange(string Kind, string Id, long Seq, StoredRecord? Record);
