using System;
using System.Collections.Generic;

namespace FinSpace.Emulator.State.Records;

internal sealed class PermissionGroupRecord : StoredRecord
{
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<string> ApplicationPermissions { get; set; } = new();
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset LastModifiedTime { get; set; }
}
