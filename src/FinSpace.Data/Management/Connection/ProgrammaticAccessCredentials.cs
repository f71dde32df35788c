using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Util.Internal;
using FinSpace.Data;
using FinSpace.Data.Model;

namespace FinSpace.Management
{
    /// <summary>
    /// AWS credentials that are the FinSpace environment's programmatic credentials, obtained with the
    /// caller's own identity through GetProgrammaticAccessCredentials and renewed by the SDK's
    /// refreshing machinery before they expire.
    /// </summary>
    /// <remarks>
    /// AWSSDK.Core 4 treats refreshing credentials as expired <see cref="RefreshingAWSCredentials.ExpirationBuffer"/>
    /// (one minute by default) before their expiry. Left at that, one-minute credentials arrived
    /// already "expired": every request fetched a new set, and a request could be signed with one set
    /// while the next fetch replaced it (UnrecognizedClientException). Both windows are therefore
    /// scaled to the lifetime the service granted (<see cref="RenewalWindows"/>).
    /// </remarks>
    public sealed class ProgrammaticAccessCredentials : RefreshingAWSCredentials
    {
        private readonly IFinSpaceDataClient _exchange;
        private readonly string _environmentId;
        private readonly long _durationInMinutes;
        private readonly ITimeProvider _clock;

        /// <param name="exchange">A client signed with the caller's own identity.</param>
        /// <param name="environmentId">The FinSpace environment whose credentials to obtain.</param>
        /// <param name="durationInMinutes">How long each set lives (1-60).</param>
        /// <param name="clock">The SDK's clock (tests move it by hand); the SDK's corrected clock by default.</param>
        public ProgrammaticAccessCredentials(IFinSpaceDataClient exchange, string environmentId, long durationInMinutes, ITimeProvider? clock = null)
            : base(clock ?? DefaultTimeProvider.Instance)
        {
            _exchange = exchange;
            _environmentId = environmentId;
            _durationInMinutes = durationInMinutes;
            _clock = clock ?? DefaultTimeProvider.Instance;
            ApplyWindows(durationInMinutes);
        }

        public string EnvironmentId => _environmentId;

        /// <summary>
        /// For credentials that live <paramref name="durationInMinutes"/>: how long before expiry they
        /// count as expired (a tenth of the lifetime, at most the SDK's one minute) and how long before
        /// that a background renewal starts (a fifth of the lifetime, at most five minutes). Every
        /// lifetime the model allows (1-60 minutes) keeps most of its life usable: 1 minute counts as
        /// expired after 54 s and starts renewing after 42 s.
        /// </summary>
        public static (TimeSpan ExpirationBuffer, TimeSpan PreemptExpiryTime) RenewalWindows(long durationInMinutes)
        {
            var lifetime = TimeSpan.FromMinutes(Math.Max(durationInMinutes, 0));
            var buffer = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 10));
            var preempt = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 5));
            return (buffer, preempt);
        }

        protected override CredentialsRefreshState GenerateNewCredentials() =>
            GenerateNewCredentialsAsync().GetAwaiter().GetResult();

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            // Measured from before the request, so the expiry is never later than the service's.
            var requestedAt = _clock.CorrectedUtcNow;
            var response = await _exchange.GetProgrammaticAccessCredentialsAsync(
                new GetProgrammaticAccessCredentialsRequest { EnvironmentId = _environmentId, DurationInMinutes = _durationInMinutes },
                CancellationToken.None).ConfigureAwait(false);
            var credentials = response.Credentials
                ?? throw new InvalidOperationException($"GetProgrammaticAccessCredentials returned no credentials for environment {_environmentId}.");
            var minutes = response.DurationInMinutes ?? _durationInMinutes;
            // The service may grant less than asked: the windows follow what it granted.
            ApplyWindows(minutes);
            return new CredentialsRefreshState(
                new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
                requestedAt.AddMinutes(minutes),
                _clock);
        }

        private void ApplyWindows(long minutes)
        {
            var (buffer, preempt) = RenewalWindows(minutes);
            ExpirationBuffer = buffer;
            PreemptExpiryTime = preempt;
        }
    }
}
