using System.Collections.Generic;
using Amazon.Runtime.Internal;
using FinSpace.Data.Metadata;

namespace FinSpace.Data.Runtime
{
    /// <summary>What the SDK's pipeline asks of a service: its id (used for metrics and endpoint hooks).</summary>
    internal sealed class FinSpaceDataServiceMetadata : IServiceMetadata
    {
        public static readonly FinSpaceDataServiceMetadata Instance = new FinSpaceDataServiceMetadata();

        public string ServiceId => ServiceModel.ServiceId;

        // Operation names are not renamed for this service.
        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
    }
}
