namespace FinSpace.Management
{
    /// <summary>
    /// A permission group as ListPermissionGroupsByUser returns it (Get-FSPermissionGroup -UserId):
    /// the group's id and name and the user's membership status in it. That call returns nothing
    /// else about the group, so this is its own type rather than a <see cref="PermissionGroup"/> with
    /// empty permissions; pipe it to Get-FSPermissionGroup for the whole group, or to
    /// Remove-FSUserFromPermissionGroup to end the membership (both ids bind by property name).
    /// </summary>
    public sealed class UserPermissionGroup
    {
        /// <summary>The user the groups were listed for.</summary>
        public string UserId { get; set; } = string.Empty;
        public string PermissionGroupId { get; set; } = string.Empty;
        /// <summary>The group's name.</summary>
        public string? Name { get; set; }
        /// <summary>ADDITION_IN_PROGRESS, ADDITION_SUCCESS or REMOVAL_IN_PROGRESS.</summary>
        public string? MembershipStatus { get; set; }

        public override string ToString() => PermissionGroupId;
    }
}
