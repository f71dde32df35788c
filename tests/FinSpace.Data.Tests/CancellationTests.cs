using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>The caller's CancellationToken reaches the SDK pipeline and the HTTP request.</summary>
public sealed class CancellationTests
{
    // Only a guard against a hang: the assertions are about what happened, not how fast.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CancellingAStalledCallEndsIt()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Stalled();
        using var client = TestClients.For(server);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        server.Received += _ => cancellation.Cancel();

        var call = client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(HangGuard, TestContext.Current.CancellationToken));
        // Cancellation is not an error to retry.
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, new CancellationToken(canceled: true)));

        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task CancellingDuringRetryBackOffEndsTheCall()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(500, "InternalServerException", "boom");
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 10);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        server.Received += _ => cancellation.CancelAfter(TimeSpan.FromMilliseconds(1));

        var call = client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(HangGuard, TestContext.Current.CancellationToken));
        Assert.True(server.RequestCount < 11, "the retry loop went on after cancellation");
    }

    [Fact]
    public async Task TheConfiguredTimeoutEndsAStalledCall()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Stalled();
        using var client = TestClients.For(server, config =>
        {
            config.Timeout = TimeSpan.FromMilliseconds(500);
            config.MaxErrorRetry = 0;
        });

        var call = client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(call, Task.Delay(HangGuard, TestContext.Current.CancellationToken));

        Assert.Same(call, finished);
        var error = await Record.ExceptionAsync(() => call);
        Assert.True(error is TimeoutException or OperationCanceledException, $"unexpected {error}");
        // One SDK attempt, so no retry after the timeout. Under heavy load the server has been seen to
        // record that attempt twice (the same invocation id and attempt number: the HTTP stack
        // re-sending it on a fresh connection, below the SDK's retry policy), so the attempt is
        // counted by what the SDK stamps on it, not by how often it arrived.
        var attempts = server.Requests.Select(r => (Invocation: r.Header("amz-sdk-invocation-id"), Attempt: r.Header("amz-sdk-request"))).Distinct().ToList();
        var attempt = Assert.Single(attempts);
        Assert.StartsWith("attempt=1;", attempt.Attempt);
    }
}
