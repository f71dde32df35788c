using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using FinSpace.Data.Endpoints;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Replaces the SDK's default endpoint handler: a client built outside the AWS code generator
    /// has no service-specific parameter mapping, so the SDK would hand our provider an empty bag.
    /// </summary>
    internal sealed class FinSpaceDataEndpointResolver : BaseEndpointResolver
    {
        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
        {
            var config = requestContext.ClientConfig;
            // ServiceURL also carries AWS_ENDPOINT_URL[_FINSPACE_DATA] and the shared-config
            // endpoint_url: AWSSDK.Core resolves those inside the property getter.
            var serviceUrl = config.ServiceURL;
            var region = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName;
            if (region is null && !string.IsNullOrEmpty(serviceUrl))
            {
                // With a custom endpoint the SDK forgets RegionEndpoint; the client pinned the region
                // it will sign for in AuthenticationRegion, so the rule set sees the same one.
                region = config.AuthenticationRegion;
            }

            return new FinSpaceDataEndpointParameters
            {
                Region = region,
                UseFIPS = config.UseFIPSEndpoint,
                UseDualStack = config.UseDualstackEndpoint,
                Endpoint = string.IsNullOrEmpty(serviceUrl) ? null : serviceUrl,
            };
        }
    }
}
