using System;
using System.Collections.Concurrent;
using FinSpace.Data;

namespace FinSpace.Management
{
    /// <summary>
    /// One client per distinct (endpoint, region, credentials) for the life of the process: a client
    /// is thread-safe, and building one costs several times a call.
    /// </summary>
    public sealed class ClientCache
    {
        private readonly ConcurrentDictionary<string, Lazy<FinSpaceServices>> _entries =
            new ConcurrentDictionary<string, Lazy<FinSpaceServices>>(StringComparer.Ordinal);

        public static ClientCache Shared { get; } = new ClientCache();

        /// <summary>How many distinct configurations have a client.</summary>
        public int Count => _entries.Count;

        public FinSpaceServices GetServices(ResolvedConnection connection) =>
            _entries.GetOrAdd(connection.CacheKey, _ => new Lazy<FinSpaceServices>(() => new FinSpaceServices(CreateClient(connection), new Transfer.S3ObjectStoreFactory(connection.Credentials, connection.Region)))).Value;

        public static FinSpaceDataClient CreateClient(ResolvedConnection connection)
        {
            var config = new FinSpaceDataConfig { RegionEndpoint = connection.Region };
            if (connection.EndpointUrl is not null)
            {
                config.ServiceURL = connection.EndpointUrl;
                config.AuthenticationRegion = connection.Region.SystemName;
            }

            var client = connection.Credentials is null
                ? new FinSpaceDataClient(config)
                : new FinSpaceDataClient(connection.Credentials, config);
            client.OperationCompleted += (_, call) => RequestLog.Record(call);
            return client;
        }
    }
}
