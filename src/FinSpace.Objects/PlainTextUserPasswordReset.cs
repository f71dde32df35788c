namespace FinSpace.Management
{
    /// <summary>The result of a password reset with the temporary password as plain text (<c>-AsPlainText</c>).</summary>
    public sealed class PlainTextUserPasswordReset
    {
        public string UserId { get; set; } = string.Empty;
        public string? TemporaryPassword { get; set; }

        public override string ToString() => UserId;
    }
}
