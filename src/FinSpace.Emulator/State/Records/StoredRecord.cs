namespace FinSpace.Emulator.State.Records;

/// <summary>A resource as the emulator keeps and persists it; <see cref="Seq"/> is its creation order.</summary>
internal abstract class StoredRecord
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Global creation sequence: list operations page in this order, so paging is stable.</summary>
    public long Seq { get; set; }
}
