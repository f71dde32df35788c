using System;
using System.Collections.Generic;
using FinSpace.Data;

namespace FinSpace.Management
{
    /// <summary>
    /// One client per distinct (endpoint, region, credentials), reused: a client is thread-safe, and
    /// building one costs several times a call. Bounded, least recently used first out, so a long
    /// session that touches many profiles, keys or endpoints holds at most <see cref="Capacity"/>
    /// clients. The key holds no secret (see <see cref="ResolvedConnection.CacheKey"/>).
    /// </summary>
    /// <remarks>
    /// A client pushed out by the bound is only dropped, not disposed: a pipeline in another runspace
    /// may still be using it, and the garbage collector reclaims it once nobody does. A session
    /// default's clients are disposed by <see cref="EvictSession"/>, when Disconnect-FSEnvironment (or a
    /// new Connect-FSEnvironment) ends that session.
    /// </remarks>
    public sealed class ClientCache
    {
        /// <summary>Enough for a script juggling a few accounts and regions; small enough to stay cheap.</summary>
        public const int DefaultCapacity = 32;

        private readonly object _gate = new object();
        private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new Dictionary<string, LinkedListNode<Entry>>(StringComparer.Ordinal);
        private readonly LinkedList<Entry> _recency = new LinkedList<Entry>();

        public ClientCache(int capacity = DefaultCapacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A client cache holds at least one client.");
            }

            Capacity = capacity;
        }

        public static ClientCache Shared { get; } = new ClientCache();

        public int Capacity { get; }

        /// <summary>How many distinct configurations have a client now.</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }
        }

        public FinSpaceServices GetServices(ResolvedConnection connection)
        {
            Lazy<FinSpaceServices> services;
            lock (_gate)
            {
                if (_entries.TryGetValue(connection.CacheKey, out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    services = node.Value.Services;
                }
                else
                {
                    var entry = new Entry(connection.CacheKey, connection.SessionId, new Lazy<FinSpaceServices>(() => new FinSpaceServices(CreateClient(connection), new Transfer.S3ObjectStoreFactory(connection.Credentials, connection.Region))));
                    _entries[entry.Key] = _recency.AddFirst(entry);
                    services = entry.Services;
                    while (_entries.Count > Capacity && _recency.Last is { } oldest)
                    {
                        _recency.RemoveLast();
                        _entries.Remove(oldest.Value.Key);
                    }
                }
            }

            return services.Value;
        }

        /// <summary>Removes and disposes every client signed with the given session default's credentials; returns how many.</summary>
        public int EvictSession(Guid sessionId) => Evict(entry => entry.SessionId == sessionId);

        /// <summary>
        /// Removes and disposes every client (when the module leaves the last session that had it:
        /// nobody can use them any more); returns how many.
        /// </summary>
        public int Clear() => Evict(_ => true);

        private int Evict(Func<Entry, bool> which)
        {
            var evicted = new List<Entry>();
            lock (_gate)
            {
                for (var node = _recency.First; node is not null;)
                {
                    var next = node.Next;
                    if (which(node.Value))
                    {
                        _recency.Remove(node);
                        _entries.Remove(node.Value.Key);
                        evicted.Add(node.Value);
                    }

                    node = next;
                }
            }

            foreach (var entry in evicted)
            {
                if (entry.Services.IsValueCreated)
                {
                    (entry.Services.Value.Client as IDisposable)?.Dispose();
                }
            }

            return evicted.Count;
        }

        public static FinSpaceDataClient CreateClient(ResolvedConnection connection)
        {
            var config = new FinSpaceDataConfig { RegionEndpoint = connection.Region };
            if (connection.Profile is { } profile)
            {
                // The SDK reads the profile's own settings (retry mode, max attempts, …) as it would for AWS_PROFILE.
                config.Profile = new Amazon.Profile(profile.Name, profile.Location);
            }

            if (connection.MaxAttempts is { } attempts)
            {
                config.MaxErrorRetry = attempts - 1;
            }

            if (connection.MaxRetryDelay is { } delay)
            {
                config.MaxRetryDelay = delay;
            }

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

        private sealed class Entry
        {
            public Entry(string key, Guid? sessionId, Lazy<FinSpaceServices> services)
            {
                Key = key;
                SessionId = sessionId;
                Services = services;
            }

            public string Key { get; }
            public Guid? SessionId { get; }
            public Lazy<FinSpaceServices> Services { get; }
        }
    }
}
