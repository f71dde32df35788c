using System;

namespace FinSpace.Management
{
    /// <summary>Where an S3 dataview's files are and temporary credentials to read them, as plain text (<c>-AsPlainText</c>).</summary>
    public sealed class PlainTextDataViewAccessDetail
    {
        public string DatasetId { get; set; } = string.Empty;
        public string DataViewId { get; set; } = string.Empty;
        public string? S3Bucket { get; set; }
        public string? S3Key { get; set; }
        public string? S3Uri { get; set; }
        public string? AccessKeyId { get; set; }
        public string? SecretAccessKey { get; set; }
        public string? SessionToken { get; set; }
        public DateTime? Expiration { get; set; }

        public override string ToString() => S3Uri ?? string.Empty;
    }
}
