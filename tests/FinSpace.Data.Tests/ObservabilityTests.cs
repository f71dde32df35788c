using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>The OperationCompleted event: one per logical call, with what -Verbose prints and nothing secret.</summary>
public sealed class ObservabilityTests
{
    private static List<OperationCompletedEventArgs> Record(FinSpaceDataClient client)
    {
        var events = new List<OperationCompletedEventArgs>();
        client.OperationCompleted += (sender, e) =>
        {
            Assert.Same(client, sender);
            events.Add(e);
        };
        return events;
    }

    [Fact]
    public async Task ASuccessfulCallIsReportedOnce()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"userId":"u-1"}""", requestId: "req-ok"));
        using var client = TestClients.For(server);
        var events = Record(client);

        await client.GetUserAsync(new GetUserRequest { UserId = "u-1" }, TestContext.Current.CancellationToken);

        var e = Assert.Single(events);
        Assert.Equal("GetUser", e.OperationName);
        Assert.Equal(200, e.HttpStatusCode);
        Assert.Equal("req-ok", e.RequestId);
        Assert.Equal(0, e.RetryCount);
        Assert.True(e.Succeeded);
        Assert.Null(e.ErrorCode);
        Assert.True(e.ElapsedMilliseconds >= 0);
    }

    [Fact]
    public async Task RetriesAreCountedInOneEvent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Error(500, "InternalServerException", "boom", requestId: "req-1"),
            ScriptedResponse.Error(503, "ServiceUnavailable", "busy", requestId: "req-2"),
            ScriptedResponse.Json("""{"userId":"u-1"}""", requestId: "req-3"));
        using var client = TestClients.For(server);
        var events = Record(client);

        await client.GetUserAsync(new GetUserRequest { UserId = "u-1" }, TestContext.Current.CancellationToken);

        var e = Assert.Single(events);
        Assert.Equal(2, e.RetryCount);
        Assert.Equal(200, e.HttpStatusCode);
        Assert.Equal("req-3", e.RequestId);
    }

    [Fact]
    public async Task AFailedCallIsReportedWithItsStatusAndCode()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(404, "ResourceNotFoundException", "no such user", reason: "USER_NOT_FOUND", requestId: "req-404");
        using var client = TestClients.For(server);
        var events = Record(client);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.GetUserAsync(new GetUserRequest { UserId = "u-1" }, TestContext.Current.CancellationToken));

        var e = Assert.Single(events);
        Assert.Equal("GetUser", e.OperationName);
        Assert.Equal(404, e.HttpStatusCode);
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal("req-404", e.RequestId);
        Assert.False(e.Succeeded);
        Assert.Equal(0, e.RetryCount);
    }

    [Fact]
    public async Task TheEventCarriesNothingSecret()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"credentials":{"accessKeyId":"AKIAVERYSECRET","secretAccessKey":"response-secret","sessionToken":"response-token"}}"""));
        using var client = TestClients.For(server);
        var events = Record(client);

        await client.GetProgrammaticAccessCredentialsAsync(new GetProgrammaticAccessCredentialsRequest { EnvironmentId = "env-1" }, TestContext.Current.CancellationToken);

        var e = Assert.Single(events);
        var everything = string.Join("|", typeof(OperationCompletedEventArgs).GetProperties().Select(p => p.GetValue(e)?.ToString())) + "|" + e;
        var authorization = server.Single().Header("Authorization")!;
        foreach (var secret in new[] { TestClients.SecretKey, authorization, "response-secret", "response-token", "Signature=" })
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    [Fact]
    public async Task UnsubscribingStopsTheEvents()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var count = 0;
        void Handler(object? sender, OperationCompletedEventArgs e) => count++;
        client.OperationCompleted += Handler;
        await client.GetUserAsync(new GetUserRequest { UserId = "u-1" }, TestContext.Current.CancellationToken);
        client.OperationCompleted -= Handler;
        await client.GetUserAsync(new GetUserRequest { UserId = "u-1" }, TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        Assert.Equal(2, server.RequestCount);
    }
}
