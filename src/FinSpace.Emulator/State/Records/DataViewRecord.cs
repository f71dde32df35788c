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
    public string? FailureCategory { get; set; }
    public string? FailureMessage { get; set; }
}
