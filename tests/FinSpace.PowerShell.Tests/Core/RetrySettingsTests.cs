using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// Attempts and backoff set per command or per session, the region checked before sending, and the
/// -Verbose connection line naming where the endpoint came from.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RetrySettingsTests : IDisposable
{
    private readonly EnvironmentScope _environment = EnvironmentScope.WithoutAwsSettings();

    public void Dispose() => _environment.Dispose();

    private static ConnectionParameters Keys(string? endpoint = "http://127.0.0.1:1") => new()
    {
        AccessKey = EmulatorCredentials.AccessKeyId,
        SecretKey = EmulatorCredentials.SecretAccessKey,
        Region = "us-east-1",
        EndpointUrl = endpoint,
    };

    private static SessionDefaults Session(int? attempts, TimeSpan? delay) =>
        new(new BasicAWSCredentials("AKIASESSION000000001", "session-secret"), "test session", "us-east-1", "http://127.0.0.1:1", null)
        {
            MaxAttempts = attempts,
            MaxRetryDelay = delay,
        };

    [Fact]
    public void TheCommandsSettingWinsOverTheSessionsAndEachSettingIsItsOwnClient()
    {
        var session = Session(4, TimeSpan.FromMilliseconds(30));

        var fromSession = ConnectionResolver.Resolve(new ConnectionParameters(), session);
        var fromCommand = ConnectionResolver.Resolve(new ConnectionParameters { MaxAttempts = 2 }, session);
        var neither = ConnectionResolver.Resolve(Keys());

        Assert.Equal((4, TimeSpan.FromMilliseconds(30)), (fromSession.MaxAttempts, fromSession.MaxRetryDelay));
        Assert.Equal((2, TimeSpan.FromMilliseconds(30)), (fromCommand.MaxAttempts, fromCommand.MaxRetryDelay));
        Assert.Equal(((int?)null, (TimeSpan?)null), (neither.MaxAttempts, neither.MaxRetryDelay));
        Assert.NotEqual(fromSession.CacheKey, fromCommand.CacheKey);
        Assert.Contains("at most 2 attempts per request", fromCommand.Describe());
        Assert.DoesNotContain("attempts", neither.Describe());

        using var client = ClientCache.CreateClient(fromCommand);
        Assert.Equal((1, TimeSpan.FromMilliseconds(30)), (client.Config.MaxErrorRetry, client.Config.MaxRetryDelay));
        using var defaults = ClientCache.CreateClient(neither);
        Assert.Equal((false, FinSpaceDataConfig.DefaultMaxRetryDelay), (defaults.Config.IsMaxErrorRetrySet, defaults.Config.MaxRetryDelay));
    }

    [Fact]
    public async Task TheAttemptLimitOfACommandIsWhatTheWireSees()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { Faults = new FaultSettings { ThrottleRate = 1 } }, ct);
        var given = Keys(emulator.BaseAddress.ToString());
        given.MaxAttempts = 4;
        given.MaxRetryDelay = TimeSpan.Zero;
        var services = new ClientCache().GetServices(ConnectionResolver.Resolve(given));

        await Assert.ThrowsAsync<Data.Model.ThrottlingException>(() => services.Users.GetAsync("any", ct));

        Assert.Equal(4, emulator.Admin.Counters["GetUser"]);
    }

    [Theory]
    [InlineData("US EAST 1", "http://127.0.0.1:1")]
    [InlineData("us_east_1", null)]
    [InlineData("us-east-99", null)]
    [InlineData("bogus", null)]
    public void ARegionThatIsNoRegionIsRefusedBeforeAnythingIsSent(string region, string? endpoint)
    {
        var given = Keys(endpoint);
        given.Region = region;

        var error = Assert.Throws<FinSpaceConfigurationException>(() => ConnectionResolver.Resolve(given));

        Assert.Equal(("InvalidRegion", FinSpaceErrorCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Contains("-Region '" + region + "'", error.Message);
        var classified = ErrorClassifier.Classify(error);
        Assert.Equal(("InvalidRegion", true), (classified.ErrorId, classified.IsTerminating));
    }

    [Fact]
    public void ARegionTheSdkDoesNotKnowIsFineForACustomEndpoint()
    {
        var given = Keys("http://127.0.0.1:8641");
        given.Region = "xx-test-1";

        Assert.Equal("xx-test-1", ConnectionResolver.Resolve(given).Region.SystemName);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_FINSPACE_DATA")]
    [InlineData("AWS_ENDPOINT_URL")]
    public void TheVerboseLineNamesTheVariableTheEndpointCameFrom(string variable)
    {
        Environment.SetEnvironmentVariable(variable, "http://127.0.0.1:8641");
        var given = Keys(endpoint: null);

        var line = ConnectionResolver.Resolve(given).Describe();

        Assert.StartsWith($"FinSpace: http://127.0.0.1:8641 (from {variable}) in us-east-1", line);
    }

    [Fact]
    public void TheVerboseLineNamesTheParameterOrTheRegionalEndpoint()
    {
        Assert.StartsWith("FinSpace: http://127.0.0.1:1 (from -EndpointUrl) in us-east-1", ConnectionResolver.Resolve(Keys()).Describe());
        Assert.StartsWith("FinSpace: the regional endpoint in us-east-1", ConnectionResolver.Resolve(Keys(endpoint: null)).Describe());
    }
}
