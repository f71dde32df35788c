namespace FinSpace.Management
{
    /// <summary>What Set-FSChangeset changes: keys laid over the current source and format maps.</summary>
    public sealed class ChangesetChanges
    {
        public StringMap SourceParams { get; set; } = new StringMap();
        public StringMap FormatParams { get; set; } = new StringMap();
        public string? ClientToken { get; set; }
    }
}
