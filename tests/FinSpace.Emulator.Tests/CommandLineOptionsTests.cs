using System;
using FinSpace.Emulator.Cli;

namespace FinSpace.Emulator.Tests;

/// <summary>The command line maps onto the hosting options.</summary>
public sealed class CommandLineOptionsTests
{
    [Fact]
    public void DefaultsBindLoopbackOnTheDocumentedPortWithAuth()
    {
        var parsed = CommandLineOptions.Parse([]);

        Assert.Equal("127.0.0.1", parsed.Emulator.Host);
        Assert.Equal(8641, parsed.Emulator.Port);
        Assert.True(parsed.Emulator.VerifySignatures);
        Assert.Equal(EmulatorCredentials.SecretAccessKey, parsed.Emulator.AccessKeys[EmulatorCredentials.AccessKeyId]);
        Assert.Null(parsed.Emulator.DataDirectory);
    }

    [Fact]
    public void EveryOptionIsApplied()
    {
        var parsed = CommandLineOptions.Parse([
            "--port", "0", "--host", "0.0.0.0", "--no-auth", "--data-dir", "/tmp/x", "--step-ms", "10", "--changeset-running-ms", "20",
            "--throttle-rate", "0.1", "--error-rate", "0.2", "--drop-rate", "0.05", "--latency-ms", "7", "--fault-seed", "9",
            "--fault-operations", "ListDatasets, GetDataset", "--bucket", "b", "--s3-endpoint", "http://127.0.0.1:5000",
            "--access-key", "AKIAX:secret", "--seed-datasets", "3", "--region", "eu-west-1", "--account-id", "111122223333", "--verbose",
        ]);
        var o = parsed.Emulator;

        Assert.Equal((0, "0.0.0.0", false, "/tmp/x"), (o.Port, o.Host, o.VerifySignatures, o.DataDirectory));
        Assert.Equal(TimeSpan.FromMilliseconds(10), o.Lifecycle.UserCreating);
        Assert.Equal(TimeSpan.FromMilliseconds(20), o.Lifecycle.ChangesetRunning);
        Assert.Equal((0.1, 0.2, 0.05, 9), (o.Faults.ThrottleRate, o.Faults.ErrorRate, o.Faults.DropRate, o.Faults.Seed));
        Assert.Equal(TimeSpan.FromMilliseconds(7), o.Faults.Latency);
        Assert.Equal(new[] { "ListDatasets", "GetDataset" }, o.Faults.Operations);
        Assert.Equal(("b", "http://127.0.0.1:5000/"), (o.WorkingLocation.Bucket, o.WorkingLocation.S3Endpoint!.ToString()));
        Assert.Equal("secret", o.AccessKeys["AKIAX"]);
        Assert.False(o.AccessKeys.ContainsKey(EmulatorCredentials.AccessKeyId));
        Assert.Equal((3, "eu-west-1", "111122223333", true), (parsed.Seed.Datasets, o.Region, o.AccountId, parsed.Verbose));
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "abc")]
    [InlineData("--bogus")]
    [InlineData("--access-key", "no-colon")]
    public void BadInputNamesTheOption(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(args));

        Assert.Contains(args[0], error.Message);
    }

    [Fact]
    public void HelpDocumentsEveryOption()
    {
        foreach (var option in new[] { "--host", "--port", "--no-auth", "--access-key", "--data-dir", "--step-ms", "--throttle-rate", "--error-rate", "--drop-rate", "--latency-ms", "--fault-seed", "--fault-operations", "--bucket", "--s3-endpoint", "--seed-datasets", "--verbose", "--rate-limit", "--rate-burst", "--rate-limit-operation", "--sts-endpoint", "--sso-token", "emulator-fail" })
        {
            Assert.Contains(option, HelpText.Text);
        }
    }
}
