using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Emulator.Cli;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>The AWS SSO portal's GetRoleCredentials route, called as botocore's sso client does (raw HTTP here).</summary>
public sealed class SsoPortalTests
{
    private static async Task<(HttpStatusCode Status, string? ErrorType, JsonElement Body)> GetRoleCredentialsAsync(FinSpaceEmulator emulator, string? token, string query = "?role_name=FinSpaceAdmin&account_id=111122223333")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "/federation/credentials" + query));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", token);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Headers.TryGetValues("x-amzn-ErrorType", out var t) ? string.Join(",", t) : null, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task ARegisteredTokenGetsRoleCredentialsThatSignFinSpaceRequests()
    {
        var clock = new ManualClock();
        await using var emulator = await Emulators.StartAsync(o => o.TimeProvider = clock);
        using var client = emulator.Client(clock);
        Requests.Ok(await client.PostAsync("/_emulator/sso/tokens", new { accessToken = "sso-access-token-1", accountId = "111122223333", roleName = "FinSpaceAdmin" }));

        var (status, _, body) = await GetRoleCredentialsAsync(emulator, "sso-access-token-1");
        var credentials = body.GetProperty("roleCredentials");
        client.AccessKeyId = credentials.GetProperty("accessKeyId").GetString()!;
        client.SecretAccessKey = credentials.GetProperty("secretAccessKey").GetString()!;
        client.SessionToken = credentials.GetProperty("sessionToken").GetString()!;
        var signed = await client.GetAsync("/datasetsv2");
        client.SessionToken = "not-the-issued-token";
        var wrongToken = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("ASIA", client.AccessKeyId);
        Assert.Equal(clock.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds(), credentials.GetProperty("expiration").GetInt64());
        Assert.Equal(HttpStatusCode.OK, signed.Status);
        Assert.Equal("UnrecognizedClientException", wrongToken.ErrorType);
        Assert.Equal(1, emulator.Admin.Counters["GetRoleCredentials"]);
    }

    [Fact]
    public async Task ABadOrMissingTokenIsUnauthorized()
    {
        await using var emulator = await Emulators.StartAsync(o => o.SsoTokens.Add(new SsoToken("the-right-token", "111122223333", "FinSpaceAdmin")));

        var wrong = await GetRoleCredentialsAsync(emulator, "a-wrong-token");
        var missing = await GetRoleCredentialsAsync(emulator, null);

        Assert.Equal((HttpStatusCode.Unauthorized, "UnauthorizedException"), (wrong.Status, wrong.ErrorType));
        Assert.Equal("Session token not found or invalid", wrong.Body.GetProperty("message").GetString());
        Assert.Equal((HttpStatusCode.Unauthorized, "UnauthorizedException"), (missing.Status, missing.ErrorType));
        Assert.DoesNotContain("a-wrong-token", wrong.Body.GetRawText());
    }

    [Fact]
    public async Task ATokenOpensOnlyItsRoleAndParametersAreRequired()
    {
        await using var emulator = await Emulators.StartAsync(o => o.SsoTokens.Add(new SsoToken("the-right-token", "111122223333", "FinSpaceAdmin")));

        var otherRole = await GetRoleCredentialsAsync(emulator, "the-right-token", "?role_name=ReadOnly&account_id=111122223333");
        var otherAccount = await GetRoleCredentialsAsync(emulator, "the-right-token", "?role_name=FinSpaceAdmin&account_id=999999999999");
        var noRole = await GetRoleCredentialsAsync(emulator, "the-right-token", "?account_id=111122223333");

        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFoundException"), (otherRole.Status, otherRole.ErrorType));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFoundException"), (otherAccount.Status, otherAccount.ErrorType));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequestException"), (noRole.Status, noRole.ErrorType));
    }

    [Fact]
    public async Task TheAdminListingNamesRolesButNeverTokensAndTheCommandLineRegistersThem()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        Requests.Ok(await client.PostAsync("/_emulator/sso/tokens", new { accessToken = "secret-bearer", accountId = "111122223333", roleName = "FinSpaceAdmin" }));

        var listed = Requests.Ok(await client.GetAsync("/_emulator/sso/tokens"));
        var incomplete = await client.PostAsync("/_emulator/sso/tokens", new { accessToken = "x" });
        Requests.Ok(await client.DeleteAsync("/_emulator/sso/tokens"));
        var afterClear = await GetRoleCredentialsAsync(emulator, "secret-bearer");
        var parsed = CommandLineOptions.Parse(["--sso-token", "tok:111122223333:Admin"]);

        Assert.Equal("FinSpaceAdmin", listed.Json.GetProperty("roles")[0].GetProperty("roleName").GetString());
        Assert.DoesNotContain("secret-bearer", listed.Text);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterClear.Status);
        Assert.Equal(new SsoToken("tok", "111122223333", "Admin"), Assert.Single(parsed.Emulator.SsoTokens));
        Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(["--sso-token", "tok:only-two"]));
    }
}
