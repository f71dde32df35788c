using System;
using Amazon.Runtime;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>Credentials objects from other AWSSDK.Core builds and load contexts, recognised by shape.</summary>
public sealed class CredentialShapesTests
{
    [Fact]
    public void AForeignAwsCredentialsIsAskedOnEveryRequestSoItKeepsRefreshing()
    {
        var foreign = new RotatingForeignCredentials();
        var adopted = CredentialShapes.Adopt(foreign)!;

        var first = adopted.Credentials.GetCredentials();
        var second = adopted.Credentials.GetCredentials();

        Assert.IsType<ForeignAWSCredentials>(adopted.Credentials);
        Assert.Equal(("AKIAROTATING00000001", "ASIAROTATING00000002"), (first.AccessKey, second.AccessKey));
        Assert.Equal("token-2", second.Token);
        Assert.Equal(2, foreign.Calls);
    }

    [Fact]
    public void AwsToolsStoredCredentialsAreUnwrappedThroughTheirInternalProperty()
    {
        var inner = new RotatingForeignCredentials();
        var stored = new StandInAwsPsCredentials(inner);

        var adopted = CredentialShapes.Adopt(stored)!;

        Assert.Equal("AKIAROTATING00000001", adopted.Credentials.GetCredentials().AccessKey);
        Assert.Contains(nameof(StandInAwsPsCredentials), adopted.TypeName);
        // The same inner object keeps the same identity (one cached client), another one does not.
        Assert.Equal(adopted.Identity, CredentialShapes.Adopt(new StandInAwsPsCredentials(inner))!.Identity);
        Assert.NotEqual(adopted.Identity, CredentialShapes.Adopt(new StandInAwsPsCredentials(new RotatingForeignCredentials()))!.Identity);
    }

    [Fact]
    public void AnStsCredentialsShapeGivesItsSessionKeys()
    {
        var adopted = CredentialShapes.Adopt(new StandInStsCredentials { AccessKeyId = "ASIASTS0000000000001", SecretAccessKey = "sts-secret", SessionToken = "sts-token" })!;

        var keys = adopted.Credentials.GetCredentials();
        Assert.Equal(("ASIASTS0000000000001", "sts-secret", "sts-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        Assert.DoesNotContain("sts-secret", adopted.Identity);
    }

    [Fact]
    public void OurOwnCredentialsAreUsedAsTheyAre()
    {
        var ours = new BasicAWSCredentials("AKIAOURS000000000001", "s");
        Assert.Same(ours, CredentialShapes.Adopt(ours)!.Credentials);
    }

    [Fact]
    public void AnythingElseIsNotCredentials()
    {
        Assert.Null(CredentialShapes.Adopt(null));
        Assert.Null(CredentialShapes.Adopt(new object()));
        Assert.Null(CredentialShapes.Adopt(new StandInStsCredentials { AccessKeyId = "ASIA" }));
        var empty = CredentialShapes.Adopt(new EmptyForeignCredentials())!;
        var error = Assert.Throws<FinSpaceConfigurationException>(() => empty.Credentials.GetCredentials());
        Assert.Equal("CredentialsNotAvailable", error.ErrorId);
    }

    /// <summary>Like an AWSCredentials of another AWSSDK.Core: only GetCredentials(), each call a new key.</summary>
    private sealed class RotatingForeignCredentials
    {
        public int Calls { get; private set; }

        public ForeignImmutable GetCredentials()
        {
            Calls++;
            return new ForeignImmutable((Calls == 1 ? "AKIAROTATING0000000" : "ASIAROTATING0000000") + Calls, "secret-" + Calls, "token-" + Calls);
        }
    }

    private sealed class EmptyForeignCredentials
    {
        public ForeignImmutable GetCredentials() => new("", "", null);
    }

    /// <summary>The shape of Amazon.PowerShell.Common.AWSPSCredentials: an internal Credentials property, no GetCredentials().</summary>
    private sealed class StandInAwsPsCredentials(object credentials)
    {
        internal object Credentials { get; } = credentials;
        public string Name => "stand-in";
    }

    /// <summary>The shape of Amazon.SecurityToken.Model.Credentials as read by property.</summary>
    private sealed class StandInStsCredentials
    {
        public string? AccessKeyId { get; set; }
        public string? SecretAccessKey { get; set; }
        public string? SessionToken { get; set; }
        public DateTime? Expiration { get; set; }
    }

    private sealed record ForeignImmutable(string AccessKey, string SecretKey, string? Token);
}
