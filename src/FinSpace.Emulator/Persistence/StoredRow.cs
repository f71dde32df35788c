namespace FinSpace.Emulator.Persistence;

/// <summary>A persisted record as read back at start-up.</summary>
internal readonly record struct StoredRow(string Kind, string Id, long Seq, string Json);
