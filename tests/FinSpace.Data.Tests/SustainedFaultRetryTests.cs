using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data.Model;
using FinSpace.Data.Runtime;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>Retries that survive sustained faults (FinSpaceRetryPolicy): no draining quota, more attempts, drops retried.</summary>
public sealed class SustainedFaultRetryTests
{
    [Fact]
    public async Task RetriesKeepWorkingAfterStandardModesQuotaWouldBeEmpty()
    {
        // Standard mode's quota (500 tokens, 5 per retry, 1 back per success) would refuse retries after
        // about 125 of these; every call still gets its retry here.
        await using var server = await RecordingServer.StartAsync();
        const int calls = 140;
        for (var i = 0; i < calls; i++)
        {
            server.Enqueue(ScriptedResponse.Error(500, "InternalServerException", "boom"), ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        }

        // The quota is what this is about, not the backoff: without a short cap the 140 waits take over a minute.
        using var client = TestClients.For(server, config => config.MaxRetryDelay = System.TimeSpan.FromMilliseconds(1));
        Assert.Equal(RequestRetryMode.Standard, client.Config.RetryMode);
        for (var i = 0; i < calls; i++)
        {
            await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2 * calls, server.RequestCount);
    }

    [Fact]
    public async Task ADroppedConnectionIsRetriedWithTheSameToken()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Dropped("""{"datasetId":"ds-1"}"""), ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        using var client = TestClients.For(server);

        var response = await client.CreateDatasetAsync(SampleRequests.TradesDataset(), TestContext.Current.CancellationToken);

        Assert.Equal("ds-1", response.DatasetId);
        Assert.Equal(2, server.RequestCount);
        Assert.Single(server.Requests.Select(r => r.ClientToken).Distinct());
    }

    [Fact]
    public void TenAttemptsByDefaultAndAnExplicitLimitWins()
    {
        Assert.Equal(9, FinSpaceRetryPolicy.MaxRetriesFor(new FinSpaceDataConfig()));
        Assert.Equal(2, FinSpaceRetryPolicy.MaxRetriesFor(new FinSpaceDataConfig { MaxErrorRetry = 2 }));
    }

    [Fact]
    public void ThrottlingAndDropsAreRetriableButCancellationIsNot()
    {
        Assert.True(FinSpaceRetryPolicy.IsDroppedConnection(new AmazonClientException("x", new System.IO.IOException("The response ended prematurely"))));
        Assert.False(FinSpaceRetryPolicy.IsDroppedConnection(new System.OperationCanceledException()));
    }

    [Fact]
    public async Task ADroppedResponseIsOneCountedRetryNotAnUncountedResend()
    {
        // AWSSDK.Core's stale-connection loop used to re-send this at once as "attempt=1" and report 0 retries.
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Dropped("""{"datasetId":"ds-1"}"""), ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        using var client = TestClients.For(server, config => config.MaxRetryDelay = System.TimeSpan.Zero);
        OperationCompletedEventArgs? reported = null;
        client.OperationCompleted += (_, e) => reported = e;

        await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, reported!.RetryCount);
        Assert.StartsWith("attempt=1", server.Requests[0].Header("amz-sdk-request"));
        Assert.StartsWith("attempt=2", server.Requests[1].Header("amz-sdk-request"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task ResponsesDroppedEveryTimeAreConnectionDroppedAfterExactlyTheAttempts(int retries)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Dropped("""{"datasetId":"ds-1"}""");
        using var client = TestClients.For(server, config =>
        {
            config.MaxErrorRetry = retries;
            config.MaxRetryDelay = System.TimeSpan.Zero;
        });
        OperationCompletedEventArgs? reported = null;
        client.OperationCompleted += (_, e) => reported = e;

        var error = await Assert.ThrowsAsync<ConnectionDroppedException>(() => client.CreateDatasetAsync(SampleRequests.TradesDataset(), TestContext.Current.CancellationToken));

        Assert.Equal(retries + 1, server.RequestCount);
        Assert.Equal((retries + 1, "CreateDataset"), (error.Attempts, error.OperationName));
        Assert.Equal(retries, reported!.RetryCount);
        Assert.Equal(nameof(ConnectionDroppedException), reported.ErrorCode);
        Assert.Contains("CreateDataset", error.Message);
        Assert.IsAssignableFrom<System.IO.IOException>(error.InnerException);
        Assert.Single(server.Requests.Select(r => r.ClientToken).Distinct());
    }

    [Fact]
    public void ABodyCutShortWhileUnmarshallingIsADropButARealServiceErrorIsNot()
    {
        // A reset while a 200's body is read arrives as AmazonUnmarshallingException (a service exception
        // by type) around the IOException: when that happens depends on timing, so it is pinned here.
        var reset = new System.IO.IOException("Unable to read data from the transport connection", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));
        var cutShort = new Amazon.Runtime.AmazonUnmarshallingException("request-1", "body", reset, System.Net.HttpStatusCode.OK);
        var throttled = new Amazon.Runtime.AmazonServiceException("Rate exceeded", reset) { ErrorCode = "ThrottlingException" };

        Assert.True(ConnectionDroppedHandler.IsDropAfterSending(reset));
        Assert.True(ConnectionDroppedHandler.IsDropAfterSending(cutShort));
        Assert.False(ConnectionDroppedHandler.IsDropAfterSending(throttled));
    }

    [Fact]
    public void TheBackoffIsFullJitterBelowTheExponentialCeilingAndTheCap()
    {
        var cap = System.TimeSpan.FromSeconds(5);
        Assert.Equal(System.TimeSpan.Zero, FinSpaceRetryPolicy.DelayFor(1, 0.0, cap));
        Assert.Equal(500, FinSpaceRetryPolicy.DelayFor(1, 0.5, cap).TotalMilliseconds, 3);
        Assert.Equal(1000, FinSpaceRetryPolicy.DelayFor(2, 0.5, cap).TotalMilliseconds, 3);
        Assert.Equal(2000, FinSpaceRetryPolicy.DelayFor(3, 0.5, cap).TotalMilliseconds, 3);
        // From retry 4 on the ceiling is the cap, and the draw still spreads the wait below it.
        Assert.Equal(2500, FinSpaceRetryPolicy.DelayFor(4, 0.5, cap).TotalMilliseconds, 3);
        Assert.Equal(2500, FinSpaceRetryPolicy.DelayFor(9, 0.5, cap).TotalMilliseconds, 3);
        Assert.Equal(10, FinSpaceRetryPolicy.DelayFor(5, 0.5, System.TimeSpan.FromMilliseconds(20)).TotalMilliseconds, 3);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new FinSpaceDataConfig { MaxRetryDelay = System.TimeSpan.FromMinutes(6) });
    }

    [Fact]
    public void ADropIsRetriedOnlyWhereRepeatingIsHarmlessAndThatIsEveryOperationOfTheModel()
    {
        foreach (var operation in Metadata.ServiceModel.Operations)
        {
            var binding = OperationBinding.For(operation);
            var isRead = operation.Name.StartsWith("Get", System.StringComparison.Ordinal) || operation.Name.StartsWith("List", System.StringComparison.Ordinal);
            Assert.Equal(binding.IdempotencyTokenMember is not null || isRead, binding.IsSafeToRepeat);
            // If the model ever gains a change without a clientToken, its drops stop being retried: this says so.
            Assert.True(binding.IsSafeToRepeat, $"{operation.Name} would not be retried after a dropped response");
        }
    }
}
