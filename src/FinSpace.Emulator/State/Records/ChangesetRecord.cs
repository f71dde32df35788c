using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.State.Records;

internal sealed class ChangesetRecord : StoredRecord
{
    public string DatasetId { get; set; } = string.Empty;
    public string Arn { get; set; } = string.Empty;
    public string ChangeType { get; set; } = string.Empty;
    public Dictionary<string, string> SourceParams { get; set; } = new();
    public Dictionary<string, string> FormatParams { get; set; } = new();
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset RunningAt { get; set; }
    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>True when the source files are really read (storage is configured and no failure marker asked otherwise).</summary>
    public bool Ingests { get; set; }

    /// <summary>When the ingestion job finished (either way); null while it runs. The changeset is RUNNING until then.</summary>
    public DateTimeOffset? IngestedAt { get; set; }

    /// <summary>Set when the ingestion failed, or the failure marker asked for FAILED: the errorInfo category and message.</summary>
    public string? FailureCategory { get; set; }
    public string? FailureMessage { get; set; }

    public string? UpdatesChangesetId { get; set; }
    public string? UpdatedByChangesetId { get; set; }
}
