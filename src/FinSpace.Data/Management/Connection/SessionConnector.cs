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
                return new SessionDefaults(resolved.Credentials, resolved.CredentialSource, resolved.Region.SystemName, resolved.EndpointUrl, environmentId: null);
            }

            var exchange = cache.GetServices(resolved).Client;
            var credentials = new ProgrammaticAccessCredentials(exchange, environmentId!, durationInMinutes ?? DefaultDurationInMinutes);
            cancellationToken.ThrowIfCancellationRequested();
            await credentials.GetCredentialsAsync().ConfigureAwait(false);
            return new SessionDefaults(
                credentials,
                $"programmatic credentials of environment {environmentId} (exchanged with {resolved.CredentialSource})",
                resolved.Region.SystemName,
                resolved.EndpointUrl,
                environmentId);
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
