namespace FinSpace.Management
{
    /// <summary>
    /// What Get-FSEnvironment shows: where the next call would go, with which region and whose
    /// credentials, where each came from, and which AWSSDK.Core build the module runs on. Holds no
    /// secret: an access key id appears masked, and only when it is known without a request.
    /// </summary>
    public sealed class FinSpaceEnvironment
    {
        /// <summary>True when Connect-FSEnvironment set a session default in this runspace.</summary>
        public bool Connected { get; set; }
        public string? EndpointUrl { get; set; }
        /// <summary>-EndpointUrl, session default, AWS_ENDPOINT_URL_FINSPACE_DATA, AWS_ENDPOINT_URL, a profile, or the regional endpoint.</summary>
        public string? EndpointSource { get; set; }
        public string? Region { get; set; }
        public string? RegionSource { get; set; }
        /// <summary>Where the credentials come from (explicit keys, -Credential, a profile and its kind, the session default, AWS.Tools, the SDK chain).</summary>
        public string? CredentialSource { get; set; }
        /// <summary>The access key id as its first and last four characters, when the credentials are static keys; otherwise empty.</summary>
        public string? AccessKeyId { get; set; }
        public string? EnvironmentId { get; set; }
        /// <summary>The file version of the AWSSDK.Core the module uses.</summary>
        public string? SdkVersion { get; set; }
        public string? SdkLocation { get; set; }
        /// <summary>The load context holding the module's AWSSDK.Core: FinSpace.Engine on PowerShell 7.4+, Default on Windows PowerShell.</summary>
        public string? SdkLoadContext { get; set; }
        public string? EngineLocation { get; set; }
        /// <summary>How many clients the module keeps, and at most.</summary>
        public int CachedClients { get; set; }
        public int CacheCapacity { get; set; }

        public override string ToString() => $"{EndpointUrl ?? "regional endpoint"} ({Region})";
    }
}
