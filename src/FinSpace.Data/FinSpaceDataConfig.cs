using System;
using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;
using FinSpace.Data.Endpoints;
using FinSpace.Data.Metadata;
using FinSpace.Data.Runtime;

namespace FinSpace.Data
{
    /// <summary>
    /// Settings of a <see cref="FinSpaceDataClient"/>. Everything is AWSSDK.Core's
    /// <see cref="ClientConfig"/> — resolved the way every AWS SDK resolves it:
    /// <list type="bullet">
    /// <item><see cref="ClientConfig.RegionEndpoint"/>: explicit, else AWS_REGION, the profile's
    /// <c>region</c>, instance metadata.</item>
    /// <item><see cref="ClientConfig.ServiceURL"/>: explicit, else AWS_ENDPOINT_URL_FINSPACE_DATA,
    /// AWS_ENDPOINT_URL, the profile's <c>services</c> section (<c>finspace_data = endpoint_url = …</c>),
    /// the profile's <c>endpoint_url</c>; all of these are skipped when
    /// <see cref="ClientConfig.IgnoreConfiguredEndpointUrls"/> (or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) is set.
    /// With no URL the endpoint comes from the service's rule set (region, <see cref="ClientConfig.UseFIPSEndpoint"/>,
    /// <see cref="ClientConfig.UseDualstackEndpoint"/>).</item>
    /// <item><see cref="ClientConfig.AuthenticationRegion"/>: the region requests are signed for. With a
    /// custom endpoint (ServiceURL from any of the sources above) the client sets it, when left empty, from
    /// RegionEndpoint, else AWS_REGION or the profile's region, else the host name, else us-east-1.</item>
    /// <item><see cref="ClientConfig.RetryMode"/> (Standard or Adaptive; AWS_RETRY_MODE) and
    /// <see cref="ClientConfig.MaxErrorRetry"/> (retries after the first attempt; AWS_MAX_ATTEMPTS − 1, the
    /// profile's max_attempts − 1, else 9), and <see cref="MaxRetryDelay"/> (the backoff's cap).</item>
    /// <item><see cref="ClientConfig.Timeout"/>, ConnectTimeout (where the platform has it), proxy settings,
    /// <see cref="ClientConfig.Profile"/>, <see cref="ClientConfig.DisableClockSkewCorrection"/>.</item>
    /// </list>
    /// </summary>
    public sealed class FinSpaceDataConfig : ClientConfig
    {
        private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString("finspace-data", ClientVersion());

        public FinSpaceDataConfig()
            : base(new DefaultConfigurationProvider(FinSpaceDataDefaultConfiguration.All))
        {
            // The service id names the configured-endpoint sources AWSSDK.Core looks at
            // (AWS_ENDPOINT_URL_FINSPACE_DATA, [services] finspace_data).
            ServiceId = ServiceModel.ServiceId;
            // Without this the signer derives "finspace" from the host name (docs/design/awssdk-core-client.md, gotcha 2).
            AuthenticationServiceName = ServiceModel.SigningName;
            EndpointProvider = new FinSpaceDataEndpointProvider();
            // Every attempt is one counted request (FinSpaceRetryPolicy): no uncounted re-sends on a reset connection.
            MaxStaleConnectionRetries = 0;
        }

        /// <summary>The longest wait before one retry when nothing else is set: 5 s.</summary>
        public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(5);

        private TimeSpan _maxRetryDelay = DefaultMaxRetryDelay;

        /// <summary>
        /// The cap of the full-jitter backoff: retry n waits a random time below min(1 s × 2^(n−1), this).
        /// Zero retries at once (tests); at most 5 minutes.
        /// </summary>
        public TimeSpan MaxRetryDelay
        {
            get => _maxRetryDelay;
            set
            {
                if (value < TimeSpan.Zero || value > TimeSpan.FromMinutes(5))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetryDelay must be between 0 and 5 minutes.");
                }

                _maxRetryDelay = value;
            }
        }

        /// <inheritdoc />
        public override string RegionEndpointServiceName => ServiceModel.EndpointPrefix;

        /// <inheritdoc />
        public override string ServiceVersion => ServiceModel.ApiVersion;

        /// <inheritdoc />
        public override string UserAgent => UserAgentString;

        /// <summary>The endpoint a request would be sent to with these settings (for diagnostics).</summary>
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
        {
            var requestContext = new RequestContext(false)
            {
                ClientConfig = this,
                OriginalRequest = parameters.Request,
                Request = new DefaultRequest(parameters.Request, RestJsonRequestMarshaller.ServiceName)
                {
                    AlternateEndpoint = parameters.AlternateEndpoint,
                },
            };

            return new FinSpaceDataEndpointResolver().GetEndpoint(new ExecutionContext(requestContext, null));
        }

        // The informational version carries "+<commit>" from SourceLink; the user agent wants the release only.
        private static string ClientVersion()
        {
            var version = typeof(FinSpaceDataConfig).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus < 0 ? version : version.Substring(0, plus);
        }
    }
}
