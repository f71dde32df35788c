using System.Collections.Generic;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>
    /// What Set-FSPermissionGroup changes; a null member stays as it is. An empty
    /// <see cref="ApplicationPermissions"/> list clears every application permission (the model's list
    /// has no minimum). Name and description cannot be cleared: UpdatePermissionGroup keeps what it is
    /// not sent, and the model refuses an empty one (at least 1 character).
    /// </summary>
    public sealed class PermissionGroupChanges
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>The complete new set of application permissions (empty: none), or null to keep the current set.</summary>
        public List<string>? ApplicationPermissions { get; set; }
        /// <summary>The caller's token; each group's own token is derived from it and the group id.</summary>
        public string? ClientToken { get; set; }

        /// <summary>True when nothing would change.</summary>
        public bool IsEmpty => Name is null && Description is null && ApplicationPermissions is null;

        /// <summary>Fails naming each parameter that breaks the model or asks to clear what cannot be cleared; nothing is sent.</summary>
        public void Validate(string? permissionGroupId = null) => new ParameterCheck(ServiceModel.UpdatePermissionGroup)
            .IdIfGiven("PermissionGroupId", "permissionGroupId", permissionGroupId)
            .Rule(IsEmpty, "Name", "nothingToChange", "Give at least one of -Name, -Description or -ApplicationPermission: nothing would change")
            .NotClearable("Name", "name", Name, "a permission group needs a name (1 to 255 characters)")
            .NotClearable("Description", "description", Description,
                "UpdatePermissionGroup keeps a description it is not sent and refuses an empty one (1 to 4000 characters)")
            .Given("ApplicationPermission", "applicationPermissions", ApplicationPermissions)
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
