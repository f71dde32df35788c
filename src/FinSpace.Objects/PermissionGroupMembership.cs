namespace FinSpace.Management
{
    /// <summary>
    /// A user's membership of a permission group, as Add-FSUserToPermissionGroup and
    /// Remove-FSUserFromPermissionGroup -PassThru write it: the pair the call added or removed. The
    /// service answers those calls with nothing but an HTTP status (200 whenever they succeed, so it
    /// says nothing a written object does not); the membership status is in
    /// <see cref="UserPermissionGroup"/> (Get-FSPermissionGroup -UserId) and <see cref="User.MembershipStatus"/>
    /// (Get-FSUser -PermissionGroupId).
    /// </summary>
    public sealed class PermissionGroupMembership
    {
        public string PermissionGroupId { get; set; } = string.Empty;
        public string UserId { get; set; } = string.Empty;

        public override string ToString() => $"{UserId} in {PermissionGroupId}";
    }
}
