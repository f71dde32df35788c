using System;
using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>What New-FSDataView creates.</summary>
    public sealed class DataViewDefinition
    {
        /// <summary>GLUE_TABLE or S3.</summary>
        public string DestinationType { get; set; } = "GLUE_TABLE";
        /// <summary>PARQUET or DELIMITED_TEXT (S3 destinations).</summary>
        public string? ExportFileFormat { get; set; }
        public StringMap ExportFileFormatOptions { get; set; } = new StringMap();
        public bool? AutoUpdate { get; set; }
        public DateTimeOffset? AsOf { get; set; }
        public List<string> PartitionColumns { get; set; } = new List<string>();
        public List<string> SortColumns { get; set; } = new List<string>();
        public string? ClientToken { get; set; }
    }
}
