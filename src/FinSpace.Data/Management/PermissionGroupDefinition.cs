using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>What New-FSPermissionGroup creates.</summary>
    public sealed class PermissionGroupDefinition
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        /// <summary>CreateDataset, ManageClusters, ManageUsersAndGroups, ManageAttributeSets, ViewAuditData, AccessNotebooks, GetTemporaryCredentials.</summary>
        public List<string> ApplicationPermissions { get; set; } = new List<string>();
        public string? ClientToken { get; set; }
    }
}
