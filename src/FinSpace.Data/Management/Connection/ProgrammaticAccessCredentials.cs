using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data;
using FinSpace.Data.Model;

namespace FinSpace.Management
{
    /// <summary>
    /// AWS credentials that are the FinSpace environment's programmatic credentials, obtained with the
    /// caller's own identity through GetProgrammaticAccessCredentials and renewed by the SDK's
    /// refreshing machinery before they expire.
    /// </summary>
    public sealed class ProgrammaticAccessCredentials : RefreshingAWSCredentials
    {
        private readonly IFinSpaceDataClient _exchange;
        private readonly string _environmentId;
        private readonly long _durationInMinutes;

        /// <param name="exchange">A client signed with the caller's own identity.</param>
        /// <param name="environmentId">The FinSpace environment whose credentials to obtain.</param>
        /// <param name="durationInMinutes">How long each set lives (1-60).</param>
        public ProgrammaticAccessCredentials(IFinSpaceDataClient exchange, string environmentId, long durationInMinutes)
        {
            _exchange = exchange;
            _environmentId = environmentId;
            _durationInMinutes = durationInMinutes;
            // Renew ahead of expiry: five minutes, or a fifth of a short lifetime.
            PreemptExpiryTime = TimeSpan.FromMinutes(Math.Min(5, durationInMinutes / 5.0));
        }

        public string EnvironmentId => _environmentId;

        protected override CredentialsRefreshState GenerateNewCredentials() =>
            GenerateNewCredentialsAsync().GetAwaiter().GetResult();

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            // Measured from before the request, so the expiry is never later than the service's.
            var requestedAt = DateTime.UtcNow;
            var response = await _exchange.GetProgrammaticAccessCredentialsAsync(
                new GetProgrammaticAccessCredentialsRequest { EnvironmentId = _environmentId, DurationInMinutes = _durationInMinutes },
                CancellationToken.None).ConfigureAwait(false);
            var credentials = response.Credentials
                ?? throw new InvalidOperationException($"GetProgrammaticAccessCredentials returned no credentials for environment {_environmentId}.");
            var minutes = response.DurationInMinutes ?? _durationInMinutes;
            return new CredentialsRefreshState(
                new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
                requestedAt.AddMinutes(minutes));
        }
    }
}
