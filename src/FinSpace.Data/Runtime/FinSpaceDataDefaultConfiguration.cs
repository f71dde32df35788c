using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// The SDK's defaults modes (AWS_DEFAULTS_MODE / defaults_mode) with the values AWS publishes for
    /// every service: standard retries everywhere (see FinSpaceRetryPolicy for what our standard mode
    /// changes), connect timeouts tuned per mode. Not adaptive: AWSSDK.Core's CUBIC limiter cuts the
    /// sending rate on every throttling error, and under random throttling it starves a bulk run
    /// until calls fail waiting for capacity (measured; docs/design/retries.md).
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
            RetryMode = RequestRetryMode.Standard,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TimeToFirstByteTimeout = null,
            HttpRequestTimeout = null,
        };
    }
}
