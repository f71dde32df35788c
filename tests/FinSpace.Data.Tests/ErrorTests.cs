using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Runtime;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>Error responses become typed exceptions with status, code, message, request id and reason.</summary>
public sealed class ErrorTests
{
    public static TheoryData<string> ModeledCodes => new(ServiceModel.Errors.Select(e => e.Code));

    private static Task<GetDatasetResponse> Call(FinSpaceDataClient client) =>
        client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(ModeledCodes))]
    public async Task EachModeledCodeMapsToItsType(string code)
    {
        var error = ServiceModel.Errors.Single(e => e.Code == code);
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(error.HttpStatusCode, code, $"{code} happened", reason: error.HasReason ? "SOME_REASON" : null, requestId: "req-" + code);
        // No retries: throttling and 500 errors would otherwise be retried.
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 0);

        var exception = await Assert.ThrowsAnyAsync<FinSpaceDataServiceException>(() => Call(client));

        Assert.Equal(code, exception.GetType().Name);
        Assert.Equal(typeof(FinSpaceDataServiceException).Namespace, exception.GetType().Namespace);
        Assert.Equal(error.HttpStatusCode, (int)exception.StatusCode);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal($"{code} happened", exception.Message);
        Assert.Equal("req-" + code, exception.RequestId);
        Assert.Equal(error.HasReason ? "SOME_REASON" : null, exception.Reason);
        Assert.Equal(error.HttpStatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender, exception.ErrorType);
    }

    [Theory]
    [InlineData("InvalidSignatureException", 403)]
    [InlineData("MissingAuthenticationTokenException", 403)]
    [InlineData("UnrecognizedClientException", 403)]
    public async Task AnUnmodeledCodeKeepsItsCode(string code, int status)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(status, code, "denied", requestId: "req-x");
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 0);

        var exception = await Assert.ThrowsAsync<FinSpaceDataServiceException>(() => Call(client));

        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(status, (int)exception.StatusCode);
        Assert.Equal("denied", exception.Message);
        Assert.Equal("req-x", exception.RequestId);
    }

    [Fact]
    public async Task TheCodeIsTakenFromTheBodyWhenTheHeaderIsAbsent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = new ScriptedResponse
        {
            Status = 409,
            Body = """{"__type":"com.amazonaws.finspace#ConflictException","Message":"in use","reason":"DATASET_BUSY"}""",
            Headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-body" },
        };
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 0);

        var exception = await Assert.ThrowsAsync<ConflictException>(() => Call(client));

        Assert.Equal("ConflictException", exception.ErrorCode);
        Assert.Equal("in use", exception.Message);
        Assert.Equal("DATASET_BUSY", exception.Reason);
        Assert.Equal("req-body", exception.RequestId);
    }

    [Fact]
    public async Task AServerErrorWithoutJsonStillSurfacesItsStatus()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = new ScriptedResponse { Status = 502, Body = "<html>Bad Gateway</html>", ContentType = "text/html" };
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 0);

        var exception = await Assert.ThrowsAsync<FinSpaceDataServiceException>(() => Call(client));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("502", exception.ErrorCode);
        Assert.Contains("502", exception.Message);
    }

    [Fact]
    public async Task ASignatureErrorCarriesNoSecret()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(403, "InvalidSignatureException", "The request signature we calculated does not match");
        using var client = TestClients.For(server, config => config.MaxErrorRetry = 0);

        var exception = await Assert.ThrowsAsync<FinSpaceDataServiceException>(() => Call(client));

        var text = exception.ToString();
        Assert.DoesNotContain(TestClients.SecretKey, text);
        Assert.DoesNotContain("Signature=", text);
        Assert.DoesNotContain(server.Single().Header("Authorization")!, text);
    }

    [Theory]
    [InlineData("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ValidationException")]
    [InlineData("aws.finspace#ThrottlingException", "ThrottlingException")]
    [InlineData("  AccessDeniedException ", "AccessDeniedException")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ErrorCodesAreStrippedOfTheirDecoration(string? raw, string? expected) =>
        Assert.Equal(expected, ErrorDocument.NormalizeCode(raw));

    [Fact]
    public void TheHeaderCodeWinsOverTheBody()
    {
        var body = Encoding.UTF8.GetBytes("""{"__type":"ConflictException","message":"m"}""");

        var exception = ExceptionFactory.FromErrorResponse(HttpStatusCode.NotFound, "ResourceNotFoundException:x", "r", body, null);

        Assert.IsType<ResourceNotFoundException>(exception);
    }

    [Fact]
    public void TheLowerCaseCodeMemberIsUnderstood()
    {
        var body = Encoding.UTF8.GetBytes("""{"code":"AccessDeniedException","message":"no"}""");

        var exception = ExceptionFactory.FromErrorResponse(HttpStatusCode.Forbidden, null, null, body, null);

        Assert.IsType<AccessDeniedException>(exception);
        Assert.Null(exception.RequestId);
    }
}
