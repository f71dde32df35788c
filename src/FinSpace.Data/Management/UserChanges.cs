namespace FinSpace.Management
{
    /// <summary>What Set-FSUser changes; a null member stays as it is.</summary>
    public sealed class UserChanges
    {
        public string? Type { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? ApiAccess { get; set; }
        public string? ApiAccessPrincipalArn { get; set; }
        public string? ClientToken { get; set; }
    }
}
