using System;
using System.IO;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>
/// What the SDK's configuration sources give the client: endpoint URLs from the environment and the
/// shared config file, regions, credentials, retry settings. These change process-wide state, so they
/// run alone (see <see cref="ProcessEnvironmentCollection"/>) and restore everything they touch.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConfiguredEndpointTests
{
    private static Task<GetDatasetResponse> Call(FinSpaceDataClient client) =>
        client.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, TestContext.Current.CancellationToken);

    private static string Resolve(FinSpaceDataConfig config) =>
        config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new ProbeRequest())).URL;

    [Fact]
    public async Task TheServiceSpecificVariableIsUsedAndTheRegionStillSigns()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope().Set("AWS_ENDPOINT_URL_FINSPACE_DATA", server.BaseUrl);
        using var client = new FinSpaceDataClient(TestClients.Credentials, new FinSpaceDataConfig { RegionEndpoint = RegionEndpoint.EUWest1 });

        await Call(client);

        // The SDK drops RegionEndpoint when an endpoint URL is configured; the client kept it for signing.
        SigV4Verifier.AssertValid(server.Single(), TestClients.AccessKey, TestClients.SecretKey, "eu-west-1");
    }

    [Fact]
    public async Task TheGlobalVariableIsUsed()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope().Set("AWS_ENDPOINT_URL", server.BaseUrl);
        using var client = new FinSpaceDataClient(TestClients.Credentials, RegionEndpoint.USEast2);

        await Call(client);

        SigV4Verifier.AssertValid(server.Single(), TestClients.AccessKey, TestClients.SecretKey, "us-east-2");
    }

    [Fact]
    public async Task TheServiceSpecificVariableWinsOverTheGlobalOne()
    {
        await using var specific = await RecordingServer.StartAsync();
        await using var global = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope()
            .Set("AWS_ENDPOINT_URL", global.BaseUrl)
            .Set("AWS_ENDPOINT_URL_FINSPACE_DATA", specific.BaseUrl);
        using var client = new FinSpaceDataClient(TestClients.Credentials, RegionEndpoint.USWest2);

        await Call(client);

        Assert.Equal(1, specific.RequestCount);
        Assert.Equal(0, global.RequestCount);
    }

    [Fact]
    public async Task AnExplicitServiceUrlWinsOverTheEnvironment()
    {
        await using var explicitServer = await RecordingServer.StartAsync();
        await using var configured = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope().Set("AWS_ENDPOINT_URL_FINSPACE_DATA", configured.BaseUrl);
        using var client = TestClients.For(explicitServer);

        await Call(client);

        Assert.Equal(1, explicitServer.RequestCount);
        Assert.Equal(0, configured.RequestCount);
    }

    [Fact]
    public async Task TheServicesSectionOfTheSharedConfigIsUsed()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope()
            .SharedConfig($"""
                [profile finspace-test]
                region = ap-southeast-2
                services = local-finspace

                [services local-finspace]
                finspace_data =
                  endpoint_url = {server.BaseUrl}
                """)
            .Set("AWS_PROFILE", "finspace-test");
        using var client = new FinSpaceDataClient(TestClients.Credentials, new FinSpaceDataConfig());

        await Call(client);

        SigV4Verifier.AssertValid(server.Single(), TestClients.AccessKey, TestClients.SecretKey, "ap-southeast-2");
    }

    [Fact]
    public async Task TheProfileEndpointUrlIsUsed()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope()
            .SharedConfig($"""
                [profile finspace-test]
                region = ca-central-1
                endpoint_url = {server.BaseUrl}
                """)
            .Set("AWS_PROFILE", "finspace-test");
        using var client = new FinSpaceDataClient(TestClients.Credentials, new FinSpaceDataConfig());

        await Call(client);

        SigV4Verifier.AssertValid(server.Single(), TestClients.AccessKey, TestClients.SecretKey, "ca-central-1");
    }

    [Fact]
    public void IgnoreConfiguredEndpointUrlsSwitchesTheSourcesOff()
    {
        using var scope = new EnvironmentScope()
            .Set("AWS_ENDPOINT_URL_FINSPACE_DATA", "http://127.0.0.1:9/")
            .Set("AWS_ENDPOINT_URL", "http://127.0.0.1:9/");

        var config = new FinSpaceDataConfig { RegionEndpoint = RegionEndpoint.EUWest1, IgnoreConfiguredEndpointUrls = true };

        Assert.Equal("https://finspace-api.eu-west-1.amazonaws.com/", Resolve(config));
        Assert.Equal("http://127.0.0.1:9/", Resolve(new FinSpaceDataConfig { RegionEndpoint = RegionEndpoint.EUWest1 }));
    }

    [Fact]
    public void TheIgnoreVariableSwitchesTheSourcesOffToo()
    {
        using var scope = new EnvironmentScope()
            .Set("AWS_ENDPOINT_URL_FINSPACE_DATA", "http://127.0.0.1:9/")
            .Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");

        Assert.Equal("https://finspace-api.eu-west-1.amazonaws.com/", Resolve(new FinSpaceDataConfig { RegionEndpoint = RegionEndpoint.EUWest1 }));
    }

    [Fact]
    public async Task ACustomEndpointIsSignedForTheEnvironmentRegion()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope().Set("AWS_REGION", "eu-central-1");
        using var client = new FinSpaceDataClient(TestClients.Credentials, new FinSpaceDataConfig { ServiceURL = server.BaseUrl });

        await Call(client);

        SigV4Verifier.AssertValid(server.Single(), TestClients.AccessKey, TestClients.SecretKey, "eu-central-1");
    }

    [Fact]
    public void AMissingRegionFailsWhenTheClientIsCreated()
    {
        // No region anywhere (environment, profile; instance metadata is off in tests) and no endpoint:
        // AWSSDK.Core refuses the configuration up front, before the rule set's "Missing Region" could apply.
        using var scope = new EnvironmentScope();

        var error = Assert.Throws<AmazonClientException>(() => new FinSpaceDataClient(TestClients.Credentials, new FinSpaceDataConfig()));

        Assert.Equal("No RegionEndpoint or ServiceURL configured", error.Message);
    }

    [Fact]
    public async Task CredentialsComeFromTheEnvironment()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope()
            .Set("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT1")
            .Set("AWS_SECRET_ACCESS_KEY", "environment/secret+key")
            .Set("AWS_SESSION_TOKEN", "environment-session-token");
        using var client = new FinSpaceDataClient(new FinSpaceDataConfig { ServiceURL = server.BaseUrl, AuthenticationRegion = "us-west-2" });

        await Call(client);

        var request = server.Single();
        SigV4Verifier.AssertValid(request, "AKIDFROMENVIRONMENT1", "environment/secret+key", "us-west-2");
        Assert.Equal("environment-session-token", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4Verifier.Parse(request).SignedHeaders);
    }

    [Fact]
    public async Task CredentialsComeFromASharedCredentialsProfile()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope()
            .SharedConfig(
                "[profile analyst]\nregion = us-east-1\n",
                "[analyst]\naws_access_key_id = AKIDFROMPROFILE00001\naws_secret_access_key = profile/secret/key\n")
            .Set("AWS_PROFILE", "analyst");
        using var client = new FinSpaceDataClient(new FinSpaceDataConfig { ServiceURL = server.BaseUrl });

        await Call(client);

        SigV4Verifier.AssertValid(server.Single(), "AKIDFROMPROFILE00001", "profile/secret/key", "us-east-1");
    }

    [Fact]
    public async Task CredentialsComeFromACredentialProcess()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope();
        const string Json = "{\"Version\": 1, \"AccessKeyId\": \"AKIDFROMPROCESS0001\", \"SecretAccessKey\": \"process/secret\", \"SessionToken\": \"process-token\"}";
        string script;
        if (OperatingSystem.IsWindows())
        {
            script = Path.Combine(scope.Directory, "credentials.cmd");
            File.WriteAllText(script, "@echo " + Json + "\r\n");
        }
        else
        {
            script = Path.Combine(scope.Directory, "credentials.sh");
            File.WriteAllText(script, "#!/bin/sh\necho '" + Json + "'\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        scope.SharedConfig($"[profile proc]\nregion = us-west-1\ncredential_process = {script}\n").Set("AWS_PROFILE", "proc");
        using var client = new FinSpaceDataClient(new FinSpaceDataConfig { ServiceURL = server.BaseUrl });

        await Call(client);

        var request = server.Single();
        SigV4Verifier.AssertValid(request, "AKIDFROMPROCESS0001", "process/secret", "us-west-1");
        Assert.Equal("process-token", request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task TheParameterlessConstructorTakesEverythingFromTheEnvironment()
    {
        await using var server = await RecordingServer.StartAsync();
        using var scope = new EnvironmentScope()
            .Set("AWS_REGION", "sa-east-1")
            .Set("AWS_ENDPOINT_URL_FINSPACE_DATA", server.BaseUrl)
            .Set("AWS_ACCESS_KEY_ID", "AKIDDEFAULTCHAIN0001")
            .Set("AWS_SECRET_ACCESS_KEY", "default/chain/secret");
        using var client = new FinSpaceDataClient();

        await Call(client);

        SigV4Verifier.AssertValid(server.Single(), "AKIDDEFAULTCHAIN0001", "default/chain/secret", "sa-east-1");
    }

    [Fact]
    public async Task MaxAttemptsComesFromTheEnvironment()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(500, "InternalServerException", "boom");
        using var scope = new EnvironmentScope().Set("AWS_MAX_ATTEMPTS", "2");
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<InternalServerException>(() => Call(client));

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task RetryModeComesFromTheEnvironmentAndDropsAreStillCountedAttempts()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Dropped("""{"datasetId":"ds-1"}""");
        using var scope = new EnvironmentScope().Set("AWS_RETRY_MODE", "adaptive").Set("AWS_MAX_ATTEMPTS", "3");
        using var client = TestClients.For(server, config => config.MaxRetryDelay = System.TimeSpan.Zero);

        await Assert.ThrowsAsync<ConnectionDroppedException>(() => Call(client));

        Assert.Equal(RequestRetryMode.Adaptive, client.Config.RetryMode);
        Assert.Equal(3, server.RequestCount);
    }

    private sealed class ProbeRequest : AmazonWebServiceRequest
    {
    }
}
