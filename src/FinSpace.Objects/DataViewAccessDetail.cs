using System;
using System.Security;

namespace FinSpace.Management
{
    /// <summary>
    /// Where an S3 dataview's files are and temporary credentials to read them. The secret parts are
    /// SecureStrings; <c>-AsPlainText</c> gives <see cref="PlainTextDataViewAccessDetail"/>.
    /// </summary>
    public sealed class DataViewAccessDetail
    {
        public string DatasetId { get; set; } = string.Empty;
        public string DataViewId { get; set; } = string.Empty;
        public string? S3Bucket { get; set; }
        public string? S3Key { get; set; }
        public string? S3Uri { get; set; }
        public string? AccessKeyId { get; set; }
        public SecureString? SecretAccessKey { get; set; }
        public SecureString? SessionToken { get; set; }
        public DateTime? Expiration { get; set; }

        public override string ToString() => S3Uri ?? string.Empty;
    }
}
