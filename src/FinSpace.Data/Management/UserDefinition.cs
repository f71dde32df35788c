namespace FinSpace.Management
{
    /// <summary>What New-FSUser creates.</summary>
    public sealed class UserDefinition
    {
        public string EmailAddress { get; set; } = string.Empty;
        /// <summary>SUPER_USER or APP_USER.</summary>
        public string Type { get; set; } = "APP_USER";
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        /// <summary>ENABLED or DISABLED.</summary>
        public string? ApiAccess { get; set; }
        public string? ApiAccessPrincipalArn { get; set; }
        public string? ClientToken { get; set; }
    }
}
