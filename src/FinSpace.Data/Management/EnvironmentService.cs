using System;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>The environment-level operations: programmatic credentials and the working location.</summary>
    public sealed class EnvironmentService
    {
        private readonly IFinSpaceDataClient _client;
        private readonly Func<DateTimeOffset> _now;

        public EnvironmentService(IFinSpaceDataClient client, Func<DateTimeOffset>? now = null)
        {
            _client = client;
            _now = now ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>Temporary credentials for the environment (plain text; protect before output).</summary>
        public async Task<PlainTextProgrammaticCredential> GetProgrammaticAccessCredentialAsync(string environmentId, long? durationInMinutes = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetProgrammaticAccessCredentials)
                .Required("EnvironmentId", "environmentId", environmentId)
                .Given("DurationInMinutes", "durationInMinutes", durationInMinutes)
                .ThrowIfInvalid();

            // The response has no expiry time, only a duration: measure it from before the request so it is never late.
            var requestedAt = _now();
            var response = await _client.GetProgrammaticAccessCredentialsAsync(
                new GetProgrammaticAccessCredentialsRequest { EnvironmentId = environmentId, DurationInMinutes = durationInMinutes },
                cancellationToken).ConfigureAwait(false);
            var duration = response.DurationInMinutes ?? durationInMinutes;
            return new PlainTextProgrammaticCredential
            {
                EnvironmentId = environmentId,
                AccessKeyId = response.Credentials?.AccessKeyId,
                SecretAccessKey = response.Credentials?.SecretAccessKey,
                SessionToken = response.Credentials?.SessionToken,
                DurationInMinutes = duration,
                Expiration = duration is null ? null : ResourceMapper.Time(requestedAt.AddMinutes(duration.Value)),
            };
        }

        public static ProgrammaticCredential Protect(PlainTextProgrammaticCredential plain) => new ProgrammaticCredential
        {
            EnvironmentId = plain.EnvironmentId,
            AccessKeyId = plain.AccessKeyId,
            SecretAccessKey = Secrets.Protect(plain.SecretAccessKey),
            SessionToken = Secrets.Protect(plain.SessionToken),
            DurationInMinutes = plain.DurationInMinutes,
            Expiration = plain.Expiration,
        };

        /// <summary>The location type asked for when the caller names none.</summary>
        public const string DefaultLocationType = "INGESTION";

        /// <summary>
        /// The working location of <paramref name="locationType"/>, INGESTION when null. The model
        /// documents no default for the request and the response does not say which type it is, so
        /// the type is always sent: the object then tells the truth about what it is.
        /// </summary>
        public async Task<WorkingLocation> GetWorkingLocationAsync(string? locationType = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetWorkingLocation).Given("LocationType", "locationType", locationType).ThrowIfInvalid();
            var type = LocationType.FindValue((string)ParameterCheck.Canonical(ServiceModel.locationTypeShape, locationType ?? DefaultLocationType));
            var response = await _client.GetWorkingLocationAsync(new GetWorkingLocationRequest { LocationType = type }, cancellationToken).ConfigureAwait(false);
            return new WorkingLocation { LocationType = type.Value, S3Uri = response.S3Uri, S3Bucket = response.S3Bucket, S3Path = response.S3Path };
        }
    }
}
