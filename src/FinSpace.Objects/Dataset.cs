using System;

namespace FinSpace.Management
{
    /// <summary>
    /// A FinSpace dataset. The API describes a dataset differently by call, and this type says what
    /// each call told: ListDatasets (Get-FSDataset without -DatasetId) returns the owner but no
    /// status, GetDataset (Get-FSDataset -DatasetId, Set-FSDataset -PassThru) the status but no
    /// owner. New-FSDataset fills both: the status from reading the new dataset back, the owner from
    /// what it sent. What a call does not return is null, never made up.
    /// </summary>
    public sealed class Dataset
    {
        public string DatasetId { get; set; } = string.Empty;
        public string? Title { get; set; }
        /// <summary>TABULAR or NON_TABULAR.</summary>
        public string? Kind { get; set; }
        public string? Alias { get; set; }
        public string? Description { get; set; }
        /// <summary>PENDING, RUNNING, SUCCESS or FAILED; null when listed (ListDatasets returns no status).</summary>
        public string? Status { get; set; }
        /// <summary>Null when read by id (GetDataset returns no owner).</summary>
        public DatasetOwner? Owner { get; set; }
        public DatasetSchema? Schema { get; set; }
        public DateTime? CreateTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public string? DatasetArn { get; set; }

        public override string ToString() => DatasetId;
    }
}
