using System;
using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>A permission group: application permissions granted to its member users.</summary>
    public sealed class PermissionGroup
    {
        public string PermissionGroupId { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Description { get; set; }
        public StringList ApplicationPermissions { get; set; } = new StringList();
        public DateTime? CreateTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }

        public override string ToString() => PermissionGroupId;
    }
}
