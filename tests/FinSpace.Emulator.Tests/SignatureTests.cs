using System;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>SigV4 verification with the error codes AWS answers.</summary>
public sealed class SignatureTests
{
    [Fact]
    public async Task AGoodSignatureIsAccepted()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var response = await client.GetAsync("/datasetsv2?maxResults=5");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task AMissingSignatureIsRejected()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.Sign = false;

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task AWrongSecretIsAnInvalidSignature()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.SecretAccessKey = "not-the-secret";

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.DoesNotContain("not-the-secret", response.Text);
        Assert.DoesNotContain(EmulatorCredentials.SecretAccessKey, response.Text);
    }

    [Fact]
    public async Task ABodyChangedAfterSigningIsAnInvalidSignature()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var signed = System.Text.Encoding.UTF8.GetBytes("{\"datasetTitle\":\"a\",\"kind\":\"TABULAR\",\"permissionGroupParams\":{}}");

        var response = await client.SendAsync(System.Net.Http.HttpMethod.Post, "/datasetsv2", signed, request =>
            request.Content = new System.Net.Http.StringContent("{\"datasetTitle\":\"b\",\"kind\":\"TABULAR\",\"permissionGroupParams\":{}}"));

        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Equal(0, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task ADeclaredPayloadHashMustMatchTheBody()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var signed = System.Text.Encoding.UTF8.GetBytes("{\"datasetTitle\":\"a\",\"kind\":\"TABULAR\",\"permissionGroupParams\":{}}");
        var declared = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signed));

        var swapped = await client.SendAsync(System.Net.Http.HttpMethod.Post, "/datasetsv2", signed, request =>
        {
            request.Headers.Add("x-amz-content-sha256", declared);
            request.Content = new System.Net.Http.StringContent("{\"datasetTitle\":\"b\",\"kind\":\"TABULAR\",\"permissionGroupParams\":{}}");
        });
        var honest = await client.SendAsync(System.Net.Http.HttpMethod.Post, "/datasetsv2", signed, request =>
            request.Headers.Add("x-amz-content-sha256", declared));

        Assert.Equal("InvalidSignatureException", swapped.ErrorType);
        Assert.Equal(HttpStatusCode.OK, honest.Status);
        Assert.Equal(1, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task AnUnknownAccessKeyIsUnrecognized()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.AccessKeyId = "AKIAUNKNOWN000000000";

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task ARequestDateTooFarFromTheClockIsRejectedAsAws(int minutes)
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.SigningOffset = TimeSpan.FromMinutes(minutes);

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith(minutes < 0 ? "Signature expired" : "Signature not yet current", response.Message);
    }

    [Fact]
    public async Task ASkewRejectionCarriesTheEmulatorsClockInTheDateHeader()
    {
        // A client whose clock is an hour off: AWS SDKs correct from the server Date and re-sign.
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddHours(1));
        await using var emulator = await Emulators.StartAsync(o => o.TimeProvider = clock);
        using var client = emulator.Client();

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), response.Date!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AModestSkewIsTolerated()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.SigningOffset = TimeSpan.FromMinutes(-4);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/datasetsv2")).Status);
    }

    [Fact]
    public async Task TemporaryCredentialsAreAcceptedUntilTheyExpire()
    {
        var clock = new ManualClock();
        await using var emulator = await Emulators.StartAsync(o => o.TimeProvider = clock);
        using var client = emulator.Client(clock);
        var issued = Requests.Ok(await client.GetAsync("/credentials/programmatic?environmentId=env1&durationInMinutes=1")).Json;
        var credentials = issued.GetProperty("credentials");
        Assert.Equal(1, issued.GetProperty("durationInMinutes").GetInt64());
        Assert.StartsWith("ASIA", credentials.GetProperty("accessKeyId").GetString());

        using var temporary = emulator.Client(clock);
        temporary.AccessKeyId = credentials.GetProperty("accessKeyId").GetString()!;
        temporary.SecretAccessKey = credentials.GetProperty("secretAccessKey").GetString()!;
        temporary.SessionToken = credentials.GetProperty("sessionToken").GetString()!;
        var whileValid = await temporary.GetAsync("/datasetsv2");
        temporary.SessionToken = "wrong-token";
        var wrongToken = await temporary.GetAsync("/datasetsv2");
        temporary.SessionToken = credentials.GetProperty("sessionToken").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(61));
        var afterExpiry = await temporary.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.OK, whileValid.Status);
        Assert.Equal("UnrecognizedClientException", wrongToken.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, afterExpiry.Status);
        Assert.Equal("ExpiredTokenException", afterExpiry.ErrorType);
    }

    [Fact]
    public async Task ASessionTokenSentWithALongTermKeyIsRefused()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.SessionToken = "bogus-token";

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
        Assert.DoesNotContain("bogus-token", response.Text);
        Assert.Equal(1, emulator.Admin.Counters["ListDatasets"]);
    }

    [Fact]
    public async Task NoAuthAcceptsUnsignedRequests()
    {
        await using var emulator = await Emulators.StartAsync(o => o.VerifySignatures = false);
        using var client = emulator.Client();
        client.Sign = false;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/datasetsv2")).Status);
    }

    [Fact]
    public async Task ConfiguredAccessKeysReplaceTheDefault()
    {
        await using var emulator = await Emulators.StartAsync(o => o.AccessKeys = new System.Collections.Generic.Dictionary<string, string> { ["AKIAOTHERKEY00000000"] = "other-secret" });
        using var client = emulator.Client();
        var withDefault = await client.GetAsync("/datasetsv2");
        client.AccessKeyId = "AKIAOTHERKEY00000000";
        client.SecretAccessKey = "other-secret";
        var withConfigured = await client.GetAsync("/datasetsv2");

        Assert.Equal("UnrecognizedClientException", withDefault.ErrorType);
        Assert.Equal(HttpStatusCode.OK, withConfigured.Status);
    }
}
