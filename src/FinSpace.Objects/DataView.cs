using System;
using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>A dataview: a query-ready snapshot of a dataset.</summary>
    public sealed class DataView
    {
        public string DataViewId { get; set; } = string.Empty;
        public string DatasetId { get; set; } = string.Empty;
        /// <summary>STARTING, RUNNING, SUCCESS, FAILED, CANCELLED, TIMEOUT, PENDING or FAILED_CLEANUP_FAILED.</summary>
        public string? Status { get; set; }
        public bool? AutoUpdate { get; set; }
        public DateTime? AsOfTime { get; set; }
        /// <summary>GLUE_TABLE or S3.</summary>
        public string? DestinationType { get; set; }
        /// <summary>PARQUET or DELIMITED_TEXT, for S3 destinations.</summary>
        public string? ExportFileFormat { get; set; }
        public StringMap ExportFileFormatOptions { get; set; } = new StringMap();
        public StringList PartitionColumns { get; set; } = new StringList();
        public StringList SortColumns { get; set; } = new StringList();
        public DateTime? CreateTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public string? ErrorCategory { get; set; }
        public string? ErrorMessage { get; set; }
        public string? DataViewArn { get; set; }

        /// <summary>True once the dataview will not change status again.</summary>
        public bool IsComplete => Status is "SUCCESS" or "FAILED" or "CANCELLED" or "TIMEOUT" or "FAILED_CLEANUP_FAILED";

        public override string ToString() => DataViewId;
    }
}
