namespace FinSpace.Management
{
    /// <summary>A temporary S3 location to stage files for ingestion or use as notebook scratch space.</summary>
    public sealed class WorkingLocation
    {
        /// <summary>INGESTION or SAGEMAKER: the type asked for (INGESTION unless another was given).</summary>
        public string? LocationType { get; set; }
        public string? S3Uri { get; set; }
        public string? S3Bucket { get; set; }
        public string? S3Path { get; set; }

        public override string ToString() => S3Uri ?? string.Empty;
    }
}
