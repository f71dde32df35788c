using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Util;
using FinSpace.Data.Metadata;
using FinSpace.Data.Runtime;
using FinSpace.Data.Validation;

namespace FinSpace.Data
{
    /// <summary>
    /// The FinSpace Data API on AWSSDK.Core's pipeline: credentials, region, SigV4 signing, retries,
    /// clock-skew correction, timeouts and proxies are the SDK's; this class adds the model-driven
    /// wire format. Reuse one instance per (endpoint, region, credentials): it is thread-safe and
    /// creating one costs several times a call.
    /// </summary>
    /// <remarks>
    /// Before anything is sent, each call
    /// <list type="bullet">
    /// <item>fills a null idempotency token (<c>clientToken</c>) with a fresh GUID — one per call, reused by
    /// every retry of that call; a token the caller set is sent unchanged;</item>
    /// <item>fills a null page size with <see cref="PagingMetadata.DefaultPageSize"/> for the list operations
    /// whose model requires <c>maxResults</c> (ListPermissionGroups, ListPermissionGroupsByUser, ListUsers,
    /// ListUsersByPermissionGroup), so callers never have to choose one;</item>
    /// <item>validates the request against the model and throws <see cref="RequestValidationException"/>.</item>
    /// </list>
    /// Filling happens on a copy: the caller's request object is never changed.
    /// Service errors surface as the modeled exception types of <c>FinSpace.Data.Model</c>, any other
    /// error code as <see cref="Model.FinSpaceDataServiceException"/> with that code.
    /// </remarks>
    public sealed partial class FinSpaceDataClient : AmazonServiceClient, IFinSpaceDataClient
    {
        /// <summary>Credentials from the SDK's default chain, settings from the environment and shared config.</summary>
        public FinSpaceDataClient()
            : this(new FinSpaceDataConfig())
        {
        }

        /// <summary>Credentials from the SDK's default chain, for the given region.</summary>
        public FinSpaceDataClient(RegionEndpoint region)
            : this(new FinSpaceDataConfig { RegionEndpoint = region })
        {
        }

        /// <summary>Credentials from the SDK's default chain (environment, profiles incl. SSO and
        /// credential_process, container, instance metadata), resolved when first needed.</summary>
        public FinSpaceDataClient(FinSpaceDataConfig config)
            : base(PinSigningRegion(config))
        {
            Paginators = new FinSpaceDataPaginators(this);
        }

        /// <summary>Explicit credentials and settings.</summary>
        public FinSpaceDataClient(AWSCredentials credentials, FinSpaceDataConfig config)
            : base(credentials ?? throw new ArgumentNullException(nameof(credentials)), PinSigningRegion(config))
        {
            Paginators = new FinSpaceDataPaginators(this);
        }

        /// <summary>Explicit credentials for the given region.</summary>
        public FinSpaceDataClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new FinSpaceDataConfig { RegionEndpoint = region })
        {
        }

        /// <summary>
        /// Raised once per logical call that reached the SDK pipeline — after its last attempt,
        /// whether it succeeded or failed — with the operation, final HTTP status, elapsed time,
        /// request id and retry count. It carries nothing secret. Requests rejected by validation
        /// never reach the wire and raise nothing. Handlers run on the calling flow: keep them short.
        /// </summary>
        public event EventHandler<OperationCompletedEventArgs>? OperationCompleted;

        /// <inheritdoc />
        public FinSpaceDataPaginators Paginators { get; }

        /// <summary>The settings this client was built with.</summary>
        public new FinSpaceDataConfig Config => (FinSpaceDataConfig)base.Config;

        internal EventHandler<OperationCompletedEventArgs>? OperationCompletedListeners => OperationCompleted;

        protected override IServiceMetadata ServiceMetadata => FinSpaceDataServiceMetadata.Instance;

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            // The generic handler knows nothing of our rule-set parameters (docs/design/awssdk-core-client.md, gotcha 6).
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new FinSpaceDataEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new FinSpaceDataAuthSchemeHandler());
            // Outermost, so it sees a whole logical call: all retries, marshalling and errors.
            pipeline.AddHandler(new OperationObserverHandler(this));

            // Retries that survive sustained faults, with client-side rate limiting in adaptive mode
            // (docs/design/retries.md; FinSpaceRetryPolicy says what differs from the SDK's).
            var retryPolicy = new FinSpaceRetryPolicy(base.Config);
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(retryPolicy));
            if (retryPolicy.IsRateLimited)
            {
                // Inside the retry loop, so every attempt waits for its operation's turn.
                pipeline.AddHandlerAfter<RetryHandler>(new SendRateHandler(new SendRateLimiter()));
            }
            // Outside the retry loop: a response lost on the last attempt becomes ConnectionDroppedException.
            pipeline.AddHandlerBefore<RetryHandler>(new ConnectionDroppedHandler());
        }

        private async Task<TResponse> ExecuteAsync<TRequest, TResponse>(OperationMetadata operation, TRequest request, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var binding = OperationBinding.For(operation);
            var wire = WireRequest.Prepare(binding, request);
            ModelValidator.ThrowIfInvalid(operation, wire);

            var response = await InvokeAsync<OperationResponse>(new OperationRequest(binding, wire), binding.Options, cancellationToken)
                .ConfigureAwait(false);
            return (TResponse)(response.Result ?? binding.OutputTypeInfo.CreateObject!());
        }

        /// <summary>
        /// Makes the signing region explicit when a custom endpoint is in effect. AWSSDK.Core forgets
        /// <see cref="ClientConfig.RegionEndpoint"/> as soon as a ServiceURL is set (also when it comes
        /// from AWS_ENDPOINT_URL or the shared config) and then signs for a region guessed from the
        /// host, falling back silently to us-east-1 (docs/design/awssdk-core-client.md, gotcha 3). So the region is read
        /// first, the endpoint second, and the region kept in AuthenticationRegion. Without a custom
        /// endpoint the SDK signs for RegionEndpoint itself, and the config is left alone, so that a
        /// config object reused with another region is not pinned to the old one.
        /// </summary>
        private static FinSpaceDataConfig PinSigningRegion(FinSpaceDataConfig config)
        {
            if (config is null)
            {
                throw new ArgumentNullException(nameof(config));
            }

            if (!string.IsNullOrEmpty(config.AuthenticationRegion))
            {
                return config;
            }

            var region = config.RegionEndpoint?.SystemName;
            var serviceUrl = config.ServiceURL;
            if (string.IsNullOrEmpty(serviceUrl))
            {
                return config;
            }

            // A custom endpoint with no region configured: take AWS_REGION / the profile's region
            // (instance metadata is not asked: a custom endpoint is usually local), else the region
            // in the host name, else us-east-1 as every AWS SDK does.
            config.AuthenticationRegion = region
                ?? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)?.SystemName
                ?? AWSSDKUtils.DetermineRegion(serviceUrl)
                ?? RegionEndpoint.USEast1.SystemName;
            return config;
        }
    }
}
