using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Management.Transfer
{
    /// <summary>An import checked locally (files found, format decided) before any request.</summary>
    public sealed class ImportPlan
    {
        public ImportPlan(string datasetId, string changeType, IReadOnlyList<LocalFile> files, StringMap formatParams)
        {
            DatasetId = datasetId;
            ChangeType = changeType;
            Files = files;
            FormatParams = formatParams;
        }

        public string DatasetId { get; }

        /// <summary>REPLACE, APPEND or MODIFY.</summary>
        public string ChangeType { get; }

        public IReadOnlyList<LocalFile> Files { get; }
        public StringMap FormatParams { get; }
        public long TotalBytes => Files.Sum(f => f.Length);

        /// <summary>For -WhatIf and confirmation: what would happen, without a request.</summary>
        public string Describe() =>
            $"Upload {Files.Count} file(s), {TotalBytes / 1e6:0.0} MB, to the ingestion working location and create a changeset ({ChangeType}; {FormatParams})";
    }
}
