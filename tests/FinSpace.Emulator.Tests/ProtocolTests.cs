using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>The REST-JSON wire form: request ids, error shape, unknown routes, bodies.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task EverySuccessAndErrorCarriesARequestId()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var ok = await client.GetAsync("/datasetsv2");
        var missing = await client.GetAsync("/datasetsv2/doesNotExist");
        client.Sign = false;
        var unsigned = await client.GetAsync("/datasetsv2");

        foreach (var response in new[] { ok, missing, unsigned })
        {
            Assert.False(string.IsNullOrEmpty(response.RequestId), response.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Null(ok.ErrorType);
    }

    [Fact]
    public async Task ErrorsUseTheAwsShapeWithReasonWhereTheModelHasOne()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var response = await client.GetAsync("/datasetsv2/doesNotExist");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Contains("doesNotExist", response.Message);
        Assert.Equal("DATASET_NOT_FOUND", response.Reason);
    }

    [Fact]
    public async Task AnUnknownRouteIsAnUnknownOperation()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var wrongPath = await client.GetAsync("/no-such-thing");
        var wrongMethod = await client.SendAsync(HttpMethod.Patch, "/datasetsv2");

        Assert.Equal(HttpStatusCode.NotFound, wrongPath.Status);
        Assert.Equal("UnknownOperationException", wrongPath.ErrorType);
        Assert.Equal("UnknownOperationException", wrongMethod.ErrorType);
        Assert.Equal(2, emulator.Admin.Counters[RequestCounters.UnknownOperation]);
    }

    [Fact]
    public async Task MalformedJsonIsAValidationError()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var broken = await client.PostAsync("/datasetsv2", "{\"datasetTitle\": ");
        var notAnObject = await client.PostAsync("/datasetsv2", "[1,2]");

        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Equal("ValidationException", broken.ErrorType);
        Assert.Equal("MALFORMED_REQUEST", broken.Reason);
        Assert.Equal("MALFORMED_REQUEST", notAnObject.Reason);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var huge = Encoding.UTF8.GetBytes("{\"datasetTitle\":\"" + new string('x', 1024 * 1024) + "\"}");

        var response = await client.SendAsync(HttpMethod.Post, "/datasetsv2", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("RequestEntityTooLargeException", response.ErrorType);
        Assert.Equal(0, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task PercentEncodedIdsAreDecodedForRoutingAndDoublyEncodedForSigning()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        // A slash inside an id travels as %2F: signed as %252F (non-S3 rule), matched as one label.
        var response = await client.GetAsync("/datasetsv2/a%2Fb%20c");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Contains("'a/b c'", response.Message);
    }

    [Fact]
    public async Task TheAdminPathIsNeverCountedOrSigned()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.Sign = false;

        var health = await client.GetAsync("/_emulator/health");
        var counters = await client.GetAsync("/_emulator/counters");

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("ok", health.Str("status"));
        Assert.Equal(0, counters.Json.GetProperty("total").GetInt64());
        Assert.Equal(0, emulator.Admin.Counters.Total);
    }
}
