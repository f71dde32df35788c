namespace FinSpace.Management
{
    /// <summary>What New-FSChangeset creates.</summary>
    public sealed class ChangesetDefinition
    {
        /// <summary>REPLACE, APPEND or MODIFY.</summary>
        public string ChangeType { get; set; } = "APPEND";
        public StringMap SourceParams { get; set; } = new StringMap();
        public StringMap FormatParams { get; set; } = new StringMap();
        public string? ClientToken { get; set; }
    }
}
