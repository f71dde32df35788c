using System;
using System.Collections.Generic;
using FinSpace.Data.Model;

namespace FinSpace.Emulator.State.Records;

internal sealed class DataViewRecord : StoredRecord
{
    public string DatasetId { get; set; } = string.Empty;
    public string Arn { get; set; } = string.Empty;
    public bool AutoUpdate { get; set; }
    public List<string>? SortColumns { get; set; }
    public List<string>? PartitionColumns { get; set; }
    public DateTimeOffset AsOfTimestamp { get; set; }
    public DataViewDestinationTypeParams? DestinationTypeParams { get; set; }
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset LastModifiedTime { get; set; }
    public DateTimeOffset RunningAt { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    /// <summary>True when the view is really written to S3 (storage is configured and no failure marker asked otherwise).</summary>
    public bool Exports { get; set; }

    /// <summary>When the export job finished (either way); null while it runs. The view is RUNNING until then.</summary>
    public DateTimeOffset? ExportedAt { get; set; }

    /// <summary>The status a failure ends in: FAILED, or FAILED_CLEANUP_FAILED when a partial export could not be removed.</summary>
    public string? FailureStatus { get; set; }

    public string? FailureCategory { get; set; }
    public string? FailureMessage { get; set; }
}
