using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>Credentials, region and endpoint are taken in the order AWS.Tools users know.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConnectionResolverTests : IDisposable
{
    private readonly string _profiles = Path.Combine(Path.GetTempPath(), "finspace-profiles-" + Guid.NewGuid().ToString("N"));
    private readonly EnvironmentScope _environment = EnvironmentScope.WithoutAwsSettings();

    public ConnectionResolverTests()
    {
        File.WriteAllText(_profiles, "[analyst]\naws_access_key_id = AKIAPROFILE000000001\naws_secret_access_key = profile-secret\nregion = eu-west-2\n\n[plain]\naws_access_key_id = AKIAPROFILE000000002\naws_secret_access_key = plain-secret\n");
    }

    public void Dispose()
    {
        _environment.Dispose();
        File.Delete(_profiles);
    }

    [Fact]
    public void ExplicitKeysWinOverEverythingElse()
    {
        var resolved = ConnectionResolver.Resolve(
            new ConnectionParameters { AccessKey = "AKIAEXPLICIT00000001", SecretKey = "explicit-secret", ProfileName = "analyst", ProfileLocation = _profiles, Region = "us-west-2" },
            Session("AKIASESSION000000001"),
            new AwsToolsDefaults(new ForeignCredentials("AKIATOOLS00000000001", "tools-secret", null), "ap-south-1"));

        Assert.Equal("AKIAEXPLICIT00000001", resolved.Credentials!.GetCredentials().AccessKey);
        Assert.Equal("us-west-2", resolved.Region.SystemName);
        Assert.Equal("-Region", resolved.RegionSource);
        Assert.Contains("AKIA…0001", resolved.CredentialSource);
    }

    [Fact]
    public void AProfileGivesItsCredentialsAndItsRegion()
    {
        var resolved = ConnectionResolver.Resolve(
            new ConnectionParameters { ProfileName = "analyst", ProfileLocation = _profiles },
            Session("AKIASESSION000000001"),
            null);

        Assert.Equal("AKIAPROFILE000000001", resolved.Credentials!.GetCredentials().AccessKey);
        Assert.Equal("eu-west-2", resolved.Region.SystemName);
        Assert.Equal("profile 'analyst'", resolved.CredentialSource);
        Assert.Equal(("analyst", _profiles), (resolved.Profile!.Name, resolved.Profile.Location));
    }

    [Fact]
    public void CredentialComesBeforeAProfileAsInAwsToolsVersion5()
    {
        var resolved = ConnectionResolver.Resolve(
            new ConnectionParameters { ProfileName = "analyst", ProfileLocation = _profiles, CredentialAccessKey = "AKIACRED000000000001", CredentialSecretKey = "cred-secret" },
            null,
            null);

        Assert.Equal("AKIACRED000000000001", resolved.Credentials!.GetCredentials().AccessKey);
        Assert.StartsWith("-Credential", resolved.CredentialSource);
        // The named profile still gives the region, as in AWS.Tools.
        Assert.Equal(("eu-west-2", "profile 'analyst'"), (resolved.Region.SystemName, resolved.RegionSource));
    }

    [Fact]
    public void AProfileLocationAloneMeansThatFilesDefaultProfile()
    {
        File.AppendAllText(_profiles, "\n[default]\naws_access_key_id = AKIADEFAULT000000001\naws_secret_access_key = default-secret\nregion = sa-east-1\n");

        var resolved = ConnectionResolver.Resolve(new ConnectionParameters { ProfileLocation = _profiles }, null, null);

        Assert.Equal("AKIADEFAULT000000001", resolved.Credentials!.GetCredentials().AccessKey);
        Assert.Equal("sa-east-1", resolved.Region.SystemName);
        Assert.Equal("profile 'default'", resolved.CredentialSource);
    }

    [Fact]
    public void ARewrittenProfileFileGivesANewCacheKeyAndTheNewKeys()
    {
        var given = new ConnectionParameters { ProfileName = "plain", ProfileLocation = _profiles, Region = "us-east-1" };
        var before = ConnectionResolver.Resolve(given, null, null);
        var unchanged = ConnectionResolver.Resolve(given, null, null);
        File.WriteAllText(_profiles, "[plain]\naws_access_key_id = AKIAROTATED000000002\naws_secret_access_key = rotated-secret\n");
        var after = ConnectionResolver.Resolve(given, null, null);

        Assert.Equal(before.CacheKey, unchanged.CacheKey);
        Assert.NotEqual(before.CacheKey, after.CacheKey);
        Assert.Equal("AKIAROTATED000000002", after.Credentials!.GetCredentials().AccessKey);
        Assert.DoesNotContain("rotated-secret", after.CacheKey);
    }

    [Fact]
    public void CredentialComesBeforeTheSessionDefaultWhichComesBeforeAwsTools()
    {
        var tools = new AwsToolsDefaults(new ForeignCredentials("AKIATOOLS00000000001", "tools-secret", "tools-token"), "ap-south-1");

        var withCredential = ConnectionResolver.Resolve(new ConnectionParameters { CredentialAccessKey = "AKIACRED000000000001", CredentialSecretKey = "cred-secret" }, Session("AKIASESSION000000001"), tools);
        var withSession = ConnectionResolver.Resolve(new ConnectionParameters(), Session("AKIASESSION000000001"), tools);
        var withTools = ConnectionResolver.Resolve(new ConnectionParameters(), null, tools);

        Assert.Equal("AKIACRED000000000001", withCredential.Credentials!.GetCredentials().AccessKey);
        Assert.Equal("AKIASESSION000000001", withSession.Credentials!.GetCredentials().AccessKey);
        Assert.Equal("eu-central-1", withSession.Region.SystemName);
        Assert.Equal(("AKIATOOLS00000000001", "tools-token"), (withTools.Credentials!.GetCredentials().AccessKey, withTools.Credentials.GetCredentials().Token));
        Assert.Equal("ap-south-1", withTools.Region.SystemName);
        Assert.Equal("AWS.Tools default region", withTools.RegionSource);
    }

    [Fact]
    public void WithNothingGivenTheSdkChainDecidesAndTheEnvironmentGivesTheRegion()
    {
        Environment.SetEnvironmentVariable("AWS_REGION", "ca-central-1");
        Amazon.Runtime.FallbackRegionFactory.Reset();

        var resolved = ConnectionResolver.Resolve(new ConnectionParameters(), null, null);

        Assert.Null(resolved.Credentials);
        Assert.Equal("ca-central-1", resolved.Region.SystemName);
        Assert.StartsWith("default-chain#", resolved.CacheKey.Split('|')[2]);
    }

    [Fact]
    public void ACustomEndpointWithoutARegionSignsForUsEast1()
    {
        var resolved = ConnectionResolver.Resolve(new ConnectionParameters { EndpointUrl = "http://127.0.0.1:8641/" }, null, null);

        Assert.Equal("http://127.0.0.1:8641", resolved.EndpointUrl);
        Assert.Equal("us-east-1", resolved.Region.SystemName);
    }

    [Fact]
    public void BadInputFailsWithAnErrorIdAndNoSecret()
    {
        var noRegion = Assert.Throws<FinSpaceConfigurationException>(() => ConnectionResolver.Resolve(new ConnectionParameters(), null, null));
        var halfKeys = Assert.Throws<FinSpaceConfigurationException>(() => ConnectionResolver.Resolve(new ConnectionParameters { SecretKey = "only-the-secret", Region = "us-east-1" }, null, null));
        var noProfile = Assert.Throws<FinSpaceConfigurationException>(() => ConnectionResolver.Resolve(new ConnectionParameters { ProfileName = "missing", ProfileLocation = _profiles }, null, null));
        var badUrl = Assert.Throws<FinSpaceConfigurationException>(() => ConnectionResolver.Resolve(new ConnectionParameters { EndpointUrl = "ftp://nope", Region = "us-east-1" }, null, null));

        Assert.Equal("RegionNotFound", noRegion.ErrorId);
        Assert.Equal("IncompleteCredentials", halfKeys.ErrorId);
        Assert.DoesNotContain("only-the-secret", halfKeys.Message);
        Assert.Equal("ProfileNotFound", noProfile.ErrorId);
        Assert.Equal("InvalidEndpoint", badUrl.ErrorId);
        Assert.All(new[] { noRegion, halfKeys, noProfile, badUrl }, e => Assert.True(ErrorClassifier.Classify(e).IsTerminating));
        Assert.Equal(
            new[] { FinSpaceErrorCategory.InvalidArgument, FinSpaceErrorCategory.InvalidArgument, FinSpaceErrorCategory.ObjectNotFound, FinSpaceErrorCategory.InvalidArgument },
            new[] { noRegion, halfKeys, noProfile, badUrl }.Select(e => ErrorClassifier.Classify(e).Category));
    }

    [Fact]
    public void TheCacheKeySeparatesIdentitiesWithoutHoldingASecret()
    {
        ConnectionParameters With(string secret) => new() { AccessKey = "AKIAEXPLICIT00000001", SecretKey = secret, Region = "us-east-1" };

        var one = ConnectionResolver.Resolve(With("first-secret"), null, null);
        var again = ConnectionResolver.Resolve(With("first-secret"), null, null);
        var other = ConnectionResolver.Resolve(With("second-secret"), null, null);

        Assert.Equal(one.CacheKey, again.CacheKey);
        Assert.NotEqual(one.CacheKey, other.CacheKey);
        Assert.DoesNotContain("first-secret", one.CacheKey);
        Assert.DoesNotContain("secret", one.CredentialSource);
    }

    [Fact]
    public void OneClientServesEachDistinctConfiguration()
    {
        var cache = new ClientCache();
        var a = ConnectionResolver.Resolve(new ConnectionParameters { AccessKey = "AKIAEXPLICIT00000001", SecretKey = "s1", Region = "us-east-1" }, null, null);
        var b = ConnectionResolver.Resolve(new ConnectionParameters { AccessKey = "AKIAEXPLICIT00000001", SecretKey = "s1", Region = "us-east-1" }, null, null);
        var c = ConnectionResolver.Resolve(new ConnectionParameters { AccessKey = "AKIAEXPLICIT00000001", SecretKey = "s1", Region = "eu-west-1" }, null, null);

        Assert.Same(cache.GetServices(a).Client, cache.GetServices(b).Client);
        Assert.NotSame(cache.GetServices(a).Client, cache.GetServices(c).Client);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task ConnectingWithAnEnvironmentIdSignsLaterCallsWithItsProgrammaticCredentials()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await FinSpaceEmulator.StartAsync(cancellationToken: ct);
        var cache = new ClientCache();
        var caller = EmulatorFixture.ConnectionTo(emulator);

        var session = await SessionConnector.ConnectAsync(caller, null, "env-42", 30, cache, ct);
        var services = cache.GetServices(ConnectionResolver.Resolve(new ConnectionParameters(), session, null));
        var datasetId = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "as the environment" }, ct);

        var programmatic = Assert.IsType<ProgrammaticAccessCredentials>(session.Credentials);
        Assert.StartsWith("ASIA", (await programmatic.GetCredentialsAsync()).AccessKey);
        Assert.Equal("env-42", session.EnvironmentId);
        Assert.Equal(1, emulator.Admin.Counters["GetProgrammaticAccessCredentials"]);
        Assert.False(string.IsNullOrEmpty(datasetId));
        var described = SessionConnector.Describe(session);
        Assert.Equal(("us-east-1", "env-42"), (described.Region, described.EnvironmentId));
        Assert.DoesNotContain(EmulatorCredentials.SecretAccessKey, described.CredentialSource);
    }

    private static SessionDefaults Session(string accessKey) =>
        new(new BasicAWSCredentials(accessKey, "session-secret"), "test session", "eu-central-1", null, null);

    /// <summary>Shaped like AWS.Tools' AWSCredentials from another AWSSDK.Core: only GetCredentials() by reflection.</summary>
    private sealed class ForeignCredentials(string accessKey, string secretKey, string? token)
    {
        public ForeignImmutable GetCredentials() => new(accessKey, secretKey, token);
    }

    private sealed record ForeignImmutable(string AccessKey, string SecretKey, string? Token);
}
