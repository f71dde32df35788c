using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace FinSpace.Data.Endpoints
{
    /// <summary>
    /// The FinSpace Data endpoint rule set (<c>endpoint-rule-set-1.json</c>, version 1.0) as code.
    /// The rule set is small and fixed, so it is written out rather than interpreted; the partition
    /// data (DNS suffixes, FIPS and dual-stack support) comes from AWSSDK.Core's partition table.
    /// Error texts are the rule set's own, because users and tests compare them with what the
    /// AWS CLI and SDKs print.
    /// </summary>
    public sealed class FinSpaceDataEndpointProvider : IEndpointProvider
    {
        internal const string FipsWithCustomEndpoint = "Invalid Configuration: FIPS and custom endpoint are not supported";
        internal const string DualStackWithCustomEndpoint = "Invalid Configuration: Dualstack and custom endpoint are not supported";
        internal const string FipsAndDualStackUnsupported = "FIPS and DualStack are enabled, but this partition does not support one or both";
        internal const string FipsUnsupported = "FIPS is enabled but this partition does not support FIPS";
        internal const string DualStackUnsupported = "DualStack is enabled but this partition does not support DualStack";
        internal const string MissingRegion = "Invalid Configuration: Missing Region";

        /// <summary>Resolves the endpoint, or throws <see cref="AmazonClientException"/> with the rule set's error text.</summary>
        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters is null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            var region = parameters["Region"] as string;
            var useFips = parameters["UseFIPS"] is true;
            var useDualStack = parameters["UseDualStack"] is true;
            var endpoint = parameters["Endpoint"] as string;

            if (Fn.IsSet(endpoint))
            {
                if (useFips)
                {
                    throw new AmazonClientException(FipsWithCustomEndpoint);
                }

                if (useDualStack)
                {
                    throw new AmazonClientException(DualStackWithCustomEndpoint);
                }

                return new Endpoint(endpoint);
            }

            if (!Fn.IsSet(region))
            {
                throw new AmazonClientException(MissingRegion);
            }

            // aws.partition never fails for a syntactically possible region: unknown regions fall
            // into the partition whose regex matches, or the aws partition.
            var partition = Fn.Partition(region!);
            if (useFips && useDualStack)
            {
                if (partition.supportsFIPS && partition.supportsDualStack)
                {
                    return new Endpoint($"https://finspace-api-fips.{region}.{partition.dualStackDnsSuffix}");
                }

                throw new AmazonClientException(FipsAndDualStackUnsupported);
            }

            if (useFips)
            {
                if (partition.supportsFIPS)
                {
                    return new Endpoint($"https://finspace-api-fips.{region}.{partition.dnsSuffix}");
                }

                throw new AmazonClientException(FipsUnsupported);
            }

            if (useDualStack)
            {
                if (partition.supportsDualStack)
                {
                    return new Endpoint($"https://finspace-api.{region}.{partition.dualStackDnsSuffix}");
                }

                throw new AmazonClientException(DualStackUnsupported);
            }

            return new Endpoint($"https://finspace-api.{region}.{partition.dnsSuffix}");
        }
    }
}
