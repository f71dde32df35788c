using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// The SDK's defaults modes (AWS_DEFAULTS_MODE / defaults_mode) with the connect timeouts AWS publishes
    /// for every service, and adaptive retries (client-side rate limiting after throttling) in every
    /// mode instead of AWS's standard: bulk commands share one client across concurrent requests, and
    /// the limiter is what keeps them under a service's rate limit (docs/design/retries.md).
    /// </summary>
    internal static class FinSpaceDataDefaultConfiguration
    {
        public static IReadOnlyList<IDefaultConfiguration> All { get; } = new IDefaultConfiguration[]
        {
            Create(DefaultConfigurationMode.Standard, connectMilliseconds: 3100),
            Create(DefaultConfigurationMode.InRegion, connectMilliseconds: 1100),
            Create(DefaultConfigurationMode.CrossRegion, connectMilliseconds: 3100),
            Create(DefaultConfigurationMode.Mobile, connectMilliseconds: 30000),
            Create(DefaultConfigurationMode.Auto, connectMilliseconds: 1100),
        };

        private static IDefaultConfiguration Create(DefaultConfigurationMode mode, long connectMilliseconds) => new DefaultConfiguration
        {
            Name = mode,
            RetryMode = RequestRetryMode.Adaptive,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TimeToFirstByteTimeout = null,
            HttpRequestTimeout = null,
        };
    }
}
