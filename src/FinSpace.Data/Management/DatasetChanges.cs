namespace FinSpace.Management
{
    /// <summary>What Set-FSDataset changes; a null member stays as it is.</summary>
    public sealed class DatasetChanges
    {
        public string? Title { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Alias { get; set; }
        public DatasetSchema? Schema { get; set; }
        public string? ClientToken { get; set; }
    }
}
