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

        using var client = TestClients.For(server);
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
}
