using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>What Set-FSPermissionGroup changes; a null member stays as it is.</summary>
    public sealed class PermissionGroupChanges
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>The complete new set of application permissions, or null to keep the current set.</summary>
        public List<string>? ApplicationPermissions { get; set; }
        public string? ClientToken { get; set; }
    }
}
