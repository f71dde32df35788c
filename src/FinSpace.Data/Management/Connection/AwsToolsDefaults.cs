namespace FinSpace.Management
{
    /// <summary>
    /// The session defaults AWS Tools for PowerShell keeps in $StoredAWSCredentials and $StoredAWSRegion
    /// (Set-AWSCredential, Set-DefaultAWSRegion). Its credentials object comes from its own AWSSDK.Core,
    /// which is not ours: <see cref="CredentialShapes"/> reads it by shape (the AWSPSCredentials
    /// wrapper's internal Credentials property, then that object's GetCredentials() on every request).
    /// </summary>
    public sealed class AwsToolsDefaults
    {
        public AwsToolsDefaults(object? storedCredentials, string? storedRegion)
        {
            StoredCredentials = storedCredentials;
            StoredRegion = string.IsNullOrWhiteSpace(storedRegion) ? null : storedRegion;
        }

        /// <summary>The value of $StoredAWSCredentials, unwrapped from PSObject by the caller.</summary>
        public object? StoredCredentials { get; }
        public string? StoredRegion { get; }
    }
}
