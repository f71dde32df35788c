using System;
using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>
    /// What Connect-FSEnvironment stores for the session: resolved once, used by every later call
    /// that does not say otherwise. Disposing it (when the session default is replaced or forgotten)
    /// disposes the client it owns, the one that renews programmatic credentials.
    /// </summary>
    public sealed class SessionDefaults : IDisposable
    {
        private IDisposable? _owned;

        public SessionDefaults(AWSCredentials? credentials, string credentialSource, string? region, string? endpointUrl, string? environmentId, IDisposable? owned = null)
        {
            Credentials = credentials;
            CredentialSource = credentialSource;
            Region = region;
            EndpointUrl = endpointUrl;
            EnvironmentId = environmentId;
            _owned = owned;
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

        /// <summary>Where the region and endpoint came from when the session was connected.</summary>
        public string? RegionSource { get; set; }

        /// <summary>Attempts per call for the session's commands (Connect-FSEnvironment -MaxAttempts), unless a command says otherwise.</summary>
        public int? MaxAttempts { get; set; }

        /// <summary>The cap of the wait before one retry for the session's commands.</summary>
        public TimeSpan? MaxRetryDelay { get; set; }
        public string? EndpointSource { get; set; }

        public void Dispose()
        {
            _owned?.Dispose();
            _owned = null;
        }
    }
}
