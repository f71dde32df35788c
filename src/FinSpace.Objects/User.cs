using System;
using System.Linq;

namespace FinSpace.Management
{
    /// <summary>A FinSpace user.</summary>
    public sealed class User
    {
        public string UserId { get; set; } = string.Empty;
        public string? EmailAddress { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        /// <summary>
        /// First and last name together, as a person reads them (null when neither is set): the
        /// Name column of the table view, and a property Where-Object and Sort-Object find.
        /// Derived, so it is never sent back.
        /// </summary>
        public string? Name => string.Join(" ", new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;
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
