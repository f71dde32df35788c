using System.Collections.Generic;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>What New-FSPermissionGroup creates. Permissions may be given in any case; <see cref="ClientToken"/> is the caller's, the service derives the group's own from it.</summary>
    public sealed class PermissionGroupDefinition
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        /// <summary>CreateDataset, ManageClusters, ManageUsersAndGroups, ManageAttributeSets, ViewAuditData, AccessNotebooks, GetTemporaryCredentials.</summary>
        public List<string> ApplicationPermissions { get; set; } = new List<string>();
        public string? ClientToken { get; set; }

        /// <summary>Fails naming each parameter that breaks the model; nothing is sent.</summary>
        public void Validate() => new ParameterCheck(ServiceModel.CreatePermissionGroup)
            .Required("Name", "name", Name)
            .Given("Description", "description", Description)
            .Given("ApplicationPermission", "applicationPermissions", ApplicationPermissions)
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
