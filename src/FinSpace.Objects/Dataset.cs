using System;

namespace FinSpace.Management
{
    /// <summary>A FinSpace dataset.</summary>
    public sealed class Dataset
    {
        public string DatasetId { get; set; } = string.Empty;
        public string? Title { get; set; }
        /// <summary>TABULAR or NON_TABULAR.</summary>
        public string? Kind { get; set; }
        public string? Alias { get; set; }
        public string? Description { get; set; }
        /// <summary>PENDING, RUNNING, SUCCESS or FAILED; filled when the dataset is read by id.</summary>
        public string? Status { get; set; }
        public DatasetOwner? Owner { get; set; }
        public DatasetSchema? Schema { get; set; }
        public DateTime? CreateTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public string? DatasetArn { get; set; }

        public override string ToString() => DatasetId;
    }
}
