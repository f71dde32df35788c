using System;
using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>
    /// What Connect-FSEnvironment stores for the session: resolved once, used by every later call
    /// that does not say otherwise.
    /// </summary>
    public sealed class SessionDefaults
    {
        public SessionDefaults(AWSCredentials? credentials, string credentialSource, string? region, string? endpointUrl, string? environmentId)
        {
            Credentials = credentials;
            CredentialSource = credentialSource;
            Region = region;
            EndpointUrl = endpointUrl;
            EnvironmentId = environmentId;
        }

        /// <summary>Tells one session default from another in the client cache.</summary>
        public Guid Id { get; } = Guid.NewGuid();

        /// <summary>Null means "the SDK's default chain".</summary>
        public AWSCredentials? Credentials { get; }
        public string CredentialSource { get; }
        public string? Region { get; }
        public string? EndpointUrl { get; }
        /// <summary>Set when the session exchanged its identity for the environment's programmatic credentials.</summary>
        public string? EnvironmentId { get; }
    }
}
