using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>The SDK's retry loop, driven by the error codes and statuses our unmarshaller reports.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task ThrottlingIsRetriedWithTheSameBodyAndToken()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Error(429, "ThrottlingException", "Rate exceeded"),
            ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        using var client = TestClients.For(server);

        var response = await client.CreateDatasetAsync(SampleRequests.TradesDataset(), TestContext.Current.CancellationToken);

        Assert.Equal("ds-1", response.DatasetId);
        Assert.Equal(2, server.RequestCount);
        var (first, second) = (server.Requests[0], server.Requests[1]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.ClientToken, second.ClientToken);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", first.ClientToken);
        Assert.StartsWith("attempt=1", first.Header("amz-sdk-request"));
        Assert.StartsWith("attempt=2", second.Header("amz-sdk-request"));
        // Each attempt is signed on its own, and both signatures hold.
        SigV4Verifier.AssertValid(second, TestClients.AccessKey, TestClients.SecretKey, TestClients.Region);
    }

    [Fact]
    public async Task AQueryStringTokenIsAlsoKeptAcrossRetries()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Error(503, "ServiceUnavailable", "try again"),
            ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        using var client = TestClients.For(server);

        await client.DeleteDatasetAsync(new DeleteDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.RequestCount);
        var tokens = server.Requests.Select(r => Assert.Single(r.QueryParameters, p => p.Key == "clientToken").Value).ToArray();
        Assert.Equal(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task TheAttemptLimitIsRespectedAndTheTypedErrorSurfaces()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(429, "ThrottlingException", "Rate exceeded", requestId: "req-throttled");
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 2);

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => client.CreateDatasetAsync(SampleRequests.TradesDataset(), TestContext.Current.CancellationToken));

        Assert.Equal(3, server.RequestCount);
        Assert.Equal(429, (int)error.StatusCode);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.Message);
        Assert.Equal("req-throttled", error.RequestId);
        Assert.Single(server.Requests.Select(r => r.ClientToken).Distinct());
    }

    [Fact]
    public async Task ZeroRetriesMeansOneAttempt()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(500, "InternalServerException", "boom");
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 0);

        await Assert.ThrowsAsync<InternalServerException>(() => client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken));

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task AValidationErrorIsNotRetried()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(400, "ValidationException", "bad input", reason: "INVALID_INPUT");
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<ValidationException>(() => client.CreateDatasetAsync(SampleRequests.TradesDataset(), TestContext.Current.CancellationToken));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal("INVALID_INPUT", error.Reason);
    }

    [Fact]
    public async Task AServerErrorIsRetried()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Error(500, "InternalServerException", "boom"),
            ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        using var client = TestClients.For(server);

        var response = await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);

        Assert.Equal("ds-1", response.DatasetId);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task AdaptiveModeRecoversFromThrottlingOnAFreshClient()
    {
        // The first call of a new client is throttled: the case AWSSDK.Core's own adaptive bucket
        // could not recover from (it is empty then); the client's SendRateLimiter paces the retry instead.
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Error(429, "ThrottlingException", "Rate exceeded"),
            ScriptedResponse.Json("""{"datasetId":"ds-1"}"""));
        using var client = TestClients.For(server, config => config.RetryMode = RequestRetryMode.Adaptive);

        var response = await client.CreateDatasetAsync(SampleRequests.TradesDataset(), TestContext.Current.CancellationToken);

        Assert.Equal("ds-1", response.DatasetId);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(server.Requests[0].ClientToken, server.Requests[1].ClientToken);
    }

    [Fact]
    public async Task AdaptiveModeRespectsTheAttemptLimit()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(503, "ServiceUnavailableException", "busy");
        using var client = TestClients.For(server, config =>
        {
            config.RetryMode = RequestRetryMode.Adaptive;
            config.MaxErrorRetry = 1;
        });

        var error = await Assert.ThrowsAsync<Model.FinSpaceDataServiceException>(() => client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken));

        Assert.Equal("ServiceUnavailableException", error.ErrorCode);
        Assert.Equal(2, server.RequestCount);
    }
}
