using System;
using System.Linq;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>The client cache stays bounded, and a session's clients leave with the session.</summary>
public sealed class ClientCacheTests
{
    [Fact]
    public void TheCacheNeverHoldsMoreThanItsCapacityAndKeepsTheMostRecentlyUsed()
    {
        var cache = new ClientCache(capacity: 4);
        var first = Keys("first");
        var firstClient = cache.GetServices(first).Client;

        for (var i = 0; i < 100; i++)
        {
            cache.GetServices(Keys("other-" + i));
            // Using the first one again keeps it from being the least recently used.
            Assert.Same(firstClient, cache.GetServices(first).Client);
            Assert.InRange(cache.Count, 1, 4);
        }

        Assert.Equal(4, cache.Count);
        Assert.Equal(ClientCache.DefaultCapacity, ClientCache.Shared.Capacity);
    }

    [Fact]
    public void TheLeastRecentlyUsedClientIsTheOneDropped()
    {
        var cache = new ClientCache(capacity: 2);
        var a = cache.GetServices(Keys("a")).Client;
        cache.GetServices(Keys("b"));
        cache.GetServices(Keys("c"));

        Assert.NotSame(a, cache.GetServices(Keys("a")).Client);
    }

    [Fact]
    public async System.Threading.Tasks.Task EndingASessionEvictsAndDisposesItsClientsOnly()
    {
        var cache = new ClientCache();
        var session = new SessionDefaults(new Amazon.Runtime.BasicAWSCredentials("AKIASESSION000000001", "s"), "test", "us-east-1", "http://127.0.0.1:9", null);
        var other = Keys("not the session");
        var sessionConnection = ConnectionResolver.Resolve(new ConnectionParameters(), session, null);
        var sessionClient = (FinSpace.Data.FinSpaceDataClient)cache.GetServices(sessionConnection).Client;
        cache.GetServices(ConnectionResolver.Resolve(new ConnectionParameters { Region = "eu-west-1" }, session, null));
        cache.GetServices(other);

        Assert.Equal(session.Id, sessionConnection.SessionId);
        SessionConnector.End(session, cache);

        Assert.Equal(1, cache.Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sessionClient.ListDatasetsAsync(new FinSpace.Data.Model.ListDatasetsRequest(), TestContext.Current.CancellationToken));
        Assert.Equal(0, cache.EvictSession(session.Id));
    }

    [Fact]
    public async System.Threading.Tasks.Task ClearingDisposesEveryClient()
    {
        var cache = new ClientCache();
        var a = (FinSpace.Data.FinSpaceDataClient)cache.GetServices(Keys("a")).Client;
        var b = (FinSpace.Data.FinSpaceDataClient)cache.GetServices(Keys("b")).Client;

        Assert.Equal(2, cache.Clear());

        Assert.Equal(0, cache.Count);
        foreach (var client in new[] { a, b })
        {
            await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ListDatasetsAsync(new FinSpace.Data.Model.ListDatasetsRequest(), TestContext.Current.CancellationToken));
        }

        Assert.NotSame(a, cache.GetServices(Keys("a")).Client);
    }

    [Fact]
    public void ACapacityBelowOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientCache(0));

    private static ResolvedConnection Keys(string secret) =>
        ConnectionResolver.Resolve(new ConnectionParameters { AccessKey = "AKIACACHE00000000001", SecretKey = secret, Region = "us-east-1", EndpointUrl = "http://127.0.0.1:9" }, null, null);
}
