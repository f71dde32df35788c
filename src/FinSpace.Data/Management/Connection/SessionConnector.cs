using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management
{
    /// <summary>Builds the session default Connect-FSEnvironment stores.</summary>
    public static class SessionConnector
    {
        public const long DefaultDurationInMinutes = 60;

        /// <summary>
        /// Resolves the given settings once (not from an earlier session default: connecting replaces
        /// it). With an environment id, the resolved identity is exchanged for the environment's
        /// programmatic credentials, fetched now so a bad id or identity fails here, and renewed
        /// before they expire.
        /// </summary>
        public static async Task<SessionDefaults> ConnectAsync(
            ConnectionParameters given,
            AwsToolsDefaults? awsTools,
            string? environmentId,
            long? durationInMinutes,
            ClientCache cache,
            CancellationToken cancellationToken = default)
        {
            var resolved = ConnectionResolver.Resolve(given, session: null, awsTools);
            if (string.IsNullOrEmpty(environmentId))
            {
                return new SessionDefaults(resolved.Credentials, resolved.CredentialSource, resolved.Region.SystemName, resolved.EndpointUrl, environmentId: null)
                {
                    RegionSource = resolved.RegionSource,
                    EndpointSource = resolved.EndpointSource,
                    MaxAttempts = resolved.MaxAttempts,
                    MaxRetryDelay = resolved.MaxRetryDelay,
                };
            }

            // The session owns the client that renews its credentials: shared with nobody, so the
            // cache's bound never drops it from under a renewal, and disposed with the session.
            var exchange = ClientCache.CreateClient(resolved);
            try
            {
                var credentials = new ProgrammaticAccessCredentials(exchange, environmentId!, durationInMinutes ?? DefaultDurationInMinutes);
                cancellationToken.ThrowIfCancellationRequested();
                await credentials.GetCredentialsAsync().ConfigureAwait(false);
                return new SessionDefaults(
                    credentials,
                    $"programmatic credentials of environment {environmentId} (exchanged with {resolved.CredentialSource})",
                    resolved.Region.SystemName,
                    resolved.EndpointUrl,
                    environmentId,
                    owned: exchange)
                {
                    RegionSource = resolved.RegionSource,
                    EndpointSource = resolved.EndpointSource,
                    MaxAttempts = resolved.MaxAttempts,
                    MaxRetryDelay = resolved.MaxRetryDelay,
                };
            }
            catch
            {
                exchange.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Ends a session default (replaced or forgotten): its clients leave the cache and are
        /// disposed, with the client that renewed its credentials.
        /// </summary>
        public static void End(SessionDefaults? defaults, ClientCache cache)
        {
            if (defaults is null)
            {
                return;
            }

            cache.EvictSession(defaults.Id);
            defaults.Dispose();
        }

        public static FinSpaceConnection Describe(SessionDefaults defaults) => new FinSpaceConnection
        {
            Region = defaults.Region,
            EndpointUrl = defaults.EndpointUrl,
            CredentialSource = defaults.CredentialSource,
            EnvironmentId = defaults.EnvironmentId,
        };
    }
}
