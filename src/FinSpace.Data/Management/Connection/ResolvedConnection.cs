using Amazon;
using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>Where and as whom requests go, after every source has been consulted.</summary>
    public sealed class ResolvedConnection
    {
        public ResolvedConnection(AWSCredentials? credentials, string credentialSource, RegionEndpoint region, string regionSource, string? endpointUrl, string cacheKey)
        {
            Credentials = credentials;
            CredentialSource = credentialSource;
            Region = region;
            RegionSource = regionSource;
            EndpointUrl = endpointUrl;
            CacheKey = cacheKey;
        }

        /// <summary>Null means "the SDK's default chain" (environment, default profile, container, instance).</summary>
        public AWSCredentials? Credentials { get; }

        /// <summary>Where the credentials came from, for -Verbose; never the credentials themselves.</summary>
        public string CredentialSource { get; }

        public RegionEndpoint Region { get; }
        public string RegionSource { get; }
        public string? EndpointUrl { get; }

        /// <summary>Where the endpoint came from: -EndpointUrl, the session default, an environment variable, a profile, or the regional endpoint.</summary>
        public string EndpointSource { get; set; } = "the regional endpoint";

        /// <summary>The profile the credentials came from, whose endpoint settings the client also reads.</summary>
        public ProfileReference? Profile { get; set; }

        /// <summary>The session default these credentials belong to; its clients are evicted when it ends.</summary>
        public System.Guid? SessionId { get; set; }

        /// <summary>Attempts per call when the caller or the session set them; null leaves the configured default.</summary>
        public int? MaxAttempts { get; set; }

        /// <summary>The backoff's cap when the caller or the session set it; null means 5 s.</summary>
        public System.TimeSpan? MaxRetryDelay { get; set; }

        /// <summary>Identifies the client configuration; holds no secret (keys are hashed).</summary>
        public string CacheKey { get; }

        /// <summary>One line for -Verbose: where, which region and why, whose credentials. No secret.</summary>
        public string Describe() =>
            $"FinSpace: {(EndpointUrl is null ? "the regional endpoint" : $"{EndpointUrl} (from {EndpointSource})")} in {Region.SystemName} ({RegionSource}), credentials from {CredentialSource}{(MaxAttempts is { } attempts ? $", at most {attempts} attempt{(attempts == 1 ? string.Empty : "s")} per request" : string.Empty)}.";
    }
}
