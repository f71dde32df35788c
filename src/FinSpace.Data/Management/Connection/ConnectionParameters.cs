namespace FinSpace.Management
{
    /// <summary>
    /// The connection settings a caller can give (the cmdlets' common parameters, or what
    /// Connect-FSEnvironment stores as the session default). Every member is optional.
    /// </summary>
    public sealed class ConnectionParameters
    {
        public string? ProfileName { get; set; }
        public string? ProfileLocation { get; set; }
        public string? Region { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }
        /// <summary>An access key id / secret key pair given as one credential (PowerShell's -Credential).</summary>
        public string? CredentialAccessKey { get; set; }
        public string? CredentialSecretKey { get; set; }
        /// <summary>
        /// A credentials object given as -Credential: an AWSCredentials from any AWS SDK for .NET, AWS.Tools'
        /// stored credentials, or an object with AccessKeyId and SecretAccessKey (see <see cref="CredentialShapes"/>).
        /// </summary>
        public object? CredentialObject { get; set; }
        public string? EndpointUrl { get; set; }

        /// <summary>Attempts per call, the first included (-MaxAttempts); null leaves AWS_MAX_ATTEMPTS, the profile's max_attempts or 10.</summary>
        public int? MaxAttempts { get; set; }

        /// <summary>The cap of the wait before one retry (Connect-FSEnvironment -MaxRetryDelayMilliseconds); null means 5 s.</summary>
        public System.TimeSpan? MaxRetryDelay { get; set; }

        public bool HasExplicitKeys => AccessKey is not null || SecretKey is not null || SessionToken is not null;
        public bool HasCredential => CredentialAccessKey is not null || CredentialSecretKey is not null;
    }
}
