namespace FinSpace.Management
{
    /// <summary>A user's membership of a permission group, as added or removed.</summary>
    public sealed class PermissionGroupMembership
    {
        public string PermissionGroupId { get; set; } = string.Empty;
        public string UserId { get; set; } = string.Empty;
        /// <summary>The HTTP status the service answered with.</summary>
        public int? StatusCode { get; set; }
    }
}
