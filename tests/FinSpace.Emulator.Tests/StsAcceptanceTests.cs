using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using FinSpace.Emulator.Sts;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Keys issued by a real STS (moto) sign FinSpace requests, with their session token.</summary>
public sealed class StsAcceptanceTests
{
    private readonly MotoFixture _moto;

    public StsAcceptanceTests(MotoFixture moto)
    {
        _moto = moto;
    }

    private static AmazonSecurityTokenServiceClient Sts(Uri endpoint) =>
        new(new BasicAWSCredentials("AKIAMOTOCALLER000001", "moto-accepts-any-secret"), new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });

    [Fact]
    public async Task KeysFromAssumeRoleAndAssumeRoleWithWebIdentityAreAccepted()
    {
        var endpoint = await _moto.EndpointAsync();
        await using var emulator = await Emulators.StartAsync(o => o.StsEndpoint = endpoint);
        using var sts = Sts(endpoint);
        var assumed = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/finspace-admin", RoleSessionName = "sts-test", DurationSeconds = 900 }, TestContext.Current.CancellationToken)).Credentials;
        var web = (await sts.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest { RoleArn = "arn:aws:iam::123456789012:role/finspace-web", RoleSessionName = "web-test", WebIdentityToken = "a-web-identity-token" }, TestContext.Current.CancellationToken)).Credentials;
        using var client = emulator.Client();

        client.AccessKeyId = assumed.AccessKeyId;
        client.SecretAccessKey = assumed.SecretAccessKey;
        client.SessionToken = assumed.SessionToken;
        var withAssumeRole = await client.GetAsync("/datasetsv2");
        client.AccessKeyId = web.AccessKeyId;
        client.SecretAccessKey = web.SecretAccessKey;
        client.SessionToken = web.SessionToken;
        var withWebIdentity = await client.PostAsync("/datasetsv2", Requests.Dataset());

        Assert.Equal(HttpStatusCode.OK, withAssumeRole.Status);
        Assert.Equal(HttpStatusCode.OK, withWebIdentity.Status);
    }

    [Fact]
    public async Task AWrongOrMissingSessionTokenOrSecretIsRejected()
    {
        var endpoint = await _moto.EndpointAsync();
        await using var emulator = await Emulators.StartAsync(o => o.StsEndpoint = endpoint);
        using var sts = Sts(endpoint);
        var issued = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/finspace-admin", RoleSessionName = "sts-wrong", DurationSeconds = 900 }, TestContext.Current.CancellationToken)).Credentials;
        using var client = emulator.Client();
        client.AccessKeyId = issued.AccessKeyId;
        client.SecretAccessKey = issued.SecretAccessKey;

        client.SessionToken = issued.SessionToken[..^4] + "AAAA";
        var wrongToken = await client.GetAsync("/datasetsv2");
        client.SessionToken = null;
        var noToken = await client.GetAsync("/datasetsv2");
        client.SessionToken = issued.SessionToken;
        client.SecretAccessKey = "not-the-secret-moto-issued";
        var wrongSecret = await client.GetAsync("/datasetsv2");

        Assert.Equal((HttpStatusCode.Forbidden, "UnrecognizedClientException"), (wrongToken.Status, wrongToken.ErrorType));
        Assert.Equal((HttpStatusCode.Forbidden, "UnrecognizedClientException"), (noToken.Status, noToken.ErrorType));
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidSignatureException"), (wrongSecret.Status, wrongSecret.ErrorType));
        Assert.DoesNotContain(issued.SessionToken, wrongToken.Text + noToken.Text + wrongSecret.Text);
        Assert.DoesNotContain(issued.SecretAccessKey, wrongToken.Text + noToken.Text + wrongSecret.Text);
    }

    [Fact]
    public async Task KeysNoStsIssuedAreStillUnrecognized()
    {
        var endpoint = await _moto.EndpointAsync();
        await using var emulator = await Emulators.StartAsync(o => o.StsEndpoint = endpoint);
        using var client = emulator.Client();
        client.AccessKeyId = "ASIANEVERISSUED00001";
        client.SessionToken = "made-up";

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal((HttpStatusCode.Forbidden, "UnrecognizedClientException"), (response.Status, response.ErrorType));
    }

    [Fact]
    public async Task WithoutAnStsEndpointIssuedKeysAreUnknown()
    {
        var endpoint = await _moto.EndpointAsync();
        await using var emulator = await Emulators.StartAsync();
        using var sts = Sts(endpoint);
        var issued = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/finspace-admin", RoleSessionName = "sts-off", DurationSeconds = 900 }, TestContext.Current.CancellationToken)).Credentials;
        using var client = emulator.Client();
        client.AccessKeyId = issued.AccessKeyId;
        client.SecretAccessKey = issued.SecretAccessKey;
        client.SessionToken = issued.SessionToken;

        Assert.Equal("UnrecognizedClientException", (await client.GetAsync("/datasetsv2")).ErrorType);
    }

    [Fact]
    public async Task AFloodOfUnknownKeysReadsTheIssuerOncePerIntervalAndANewKeyIsStillFound()
    {
        var issued = new List<IssuedKey>();
        var directory = new StsKeyDirectory(_ =>
        {
            lock (issued)
            {
                return Task.FromResult<IReadOnlyList<IssuedKey>>(issued.ToList());
            }
        }, TimeSpan.FromMilliseconds(200));

        var flood = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => directory.FindAsync($"ASIAUNKNOWN{i:D9}", CancellationToken.None).AsTask()));
        var readsAfterFlood = directory.Reads;
        lock (issued)
        {
            issued.Add(new IssuedKey("ASIAJUSTISSUED000001", "secret", "token"));
        }

        var fresh = await directory.FindAsync("ASIAJUSTISSUED000001", CancellationToken.None);
        var readsAfterFresh = directory.Reads;
        var cached = await directory.FindAsync("ASIAJUSTISSUED000001", CancellationToken.None);

        Assert.All(flood, Assert.Null);
        Assert.InRange(readsAfterFlood, 1, 2);
        Assert.Equal("token", fresh?.SessionToken);
        Assert.Equal(readsAfterFlood + 1, readsAfterFresh);
        Assert.Equal(readsAfterFresh, directory.Reads);
        Assert.Same(fresh, cached);
    }
}
