using System;
using FinSpace.Data.Model;

namespace FinSpace.Emulator.State.Records;

internal sealed class DatasetRecord : StoredRecord
{
    public string Arn { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Alias { get; set; }
    public DatasetOwnerInfo? OwnerInfo { get; set; }
    public SchemaUnion? SchemaDefinition { get; set; }
    public PermissionGroupParams? PermissionGroupParams { get; set; }
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset LastModifiedTime { get; set; }

    /// <summary>When the dataset leaves PENDING; fixed at creation so later timing changes don't rewrite history.</summary>
    public DateTimeOffset RunningAt { get; set; }

    /// <summary>When the dataset reaches SUCCESS.</summary>
    public DateTimeOffset CompletedAt { get; set; }
}
