using System.Security;

namespace FinSpace.Management
{
    /// <summary>The result of a password reset: the user's new temporary password as a SecureString.</summary>
    public sealed class UserPasswordReset
    {
        public string UserId { get; set; } = string.Empty;
        public SecureString? TemporaryPassword { get; set; }

        public override string ToString() => UserId;
    }
}
