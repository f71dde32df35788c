using System;

namespace FinSpace.Management
{
    /// <summary>A FinSpace user.</summary>
    public sealed class User
    {
        public string UserId { get; set; } = string.Empty;
        public string? EmailAddress { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        /// <summary>CREATING, ENABLED or DISABLED.</summary>
        public string? Status { get; set; }
        /// <summary>SUPER_USER or APP_USER.</summary>
        public string? Type { get; set; }
        /// <summary>ENABLED or DISABLED.</summary>
        public string? ApiAccess { get; set; }
        public string? ApiAccessPrincipalArn { get; set; }
        /// <summary>Filled when the user is listed for a permission group.</summary>
        public string? MembershipStatus { get; set; }
        public DateTime? CreateTime { get; set; }
        public DateTime? LastEnabledTime { get; set; }
        public DateTime? LastDisabledTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public DateTime? LastLoginTime { get; set; }

        public override string ToString() => UserId;
    }
}
