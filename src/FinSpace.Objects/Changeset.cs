using System;

namespace FinSpace.Management
{
    /// <summary>A changeset: one load of data into a dataset.</summary>
    public sealed class Changeset
    {
        public string ChangesetId { get; set; } = string.Empty;
        public string DatasetId { get; set; } = string.Empty;
        /// <summary>REPLACE, APPEND or MODIFY.</summary>
        public string? ChangeType { get; set; }
        /// <summary>PENDING, RUNNING, SUCCESS, FAILED or STOP_REQUESTED.</summary>
        public string? Status { get; set; }
        public StringMap SourceParams { get; set; } = new StringMap();
        public StringMap FormatParams { get; set; } = new StringMap();
        public DateTime? CreateTime { get; set; }
        public DateTime? ActiveFromTime { get; set; }
        public DateTime? ActiveUntilTime { get; set; }
        public string? UpdatesChangesetId { get; set; }
        public string? UpdatedByChangesetId { get; set; }
        public string? ErrorCategory { get; set; }
        public string? ErrorMessage { get; set; }
        public string? ChangesetArn { get; set; }

        /// <summary>True once the changeset will not change status again.</summary>
        public bool IsComplete => Status is "SUCCESS" or "FAILED" or "STOP_REQUESTED";

        public override string ToString() => ChangesetId;
    }
}
