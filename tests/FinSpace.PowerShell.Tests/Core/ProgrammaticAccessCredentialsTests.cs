using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Util.Internal;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// Connect-FSEnvironment -EnvironmentId with short lifetimes: the credentials must stay usable for
/// most of their life and be renewed before the emulator (on the same manual clock) stops taking them.
/// </summary>
public sealed class ProgrammaticAccessCredentialsTests
{
    [Theory]
    [InlineData(1, 6, 12)]
    [InlineData(2, 12, 24)]
    [InlineData(15, 60, 180)]
    [InlineData(60, 60, 300)]
    public void RenewalWindowsScaleWithTheLifetime(long minutes, int bufferSeconds, int preemptSeconds)
    {
        var (buffer, preempt) = ProgrammaticAccessCredentials.RenewalWindows(minutes);

        Assert.Equal(TimeSpan.FromSeconds(bufferSeconds), buffer);
        Assert.Equal(TimeSpan.FromSeconds(preemptSeconds), preempt);
    }

    [Fact]
    public void EveryLifetimeTheModelAllowsKeepsMostOfItsLifeUsable()
    {
        for (long minutes = 1; minutes <= 60; minutes++)
        {
            var (buffer, preempt) = ProgrammaticAccessCredentials.RenewalWindows(minutes);
            Assert.True(buffer + preempt <= TimeSpan.FromMinutes(minutes) * 0.3, $"{minutes} min: buffer {buffer} + preempt {preempt}");
        }
    }

    [Fact]
    public async Task OneMinuteCredentialsSignLaterCallsAndAreRenewedBeforeTheyExpire()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualClock();
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock }, ct);
        using var exchange = ClientCache.CreateClient(ConnectionResolver.Resolve(EmulatorFixture.ConnectionTo(emulator)));
        using var credentials = new ProgrammaticAccessCredentials(exchange, "env-short", 1, new SdkClock(clock));
        var session = new SessionDefaults(credentials, "programmatic", "us-east-1", emulator.BaseAddress.ToString(), "env-short");
        var services = new ClientCache().GetServices(ConnectionResolver.Resolve(new ConnectionParameters(), session, null));

        var first = await credentials.GetCredentialsAsync();
        await services.Datasets.CreateAsync(new DatasetDefinition { Title = "signed with one-minute credentials" }, ct);
        Assert.Equal(first.AccessKey, (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal(1, emulator.Admin.Counters["GetProgrammaticAccessCredentials"]);

        // Past the renewal point (42 s) but before the expiry: the old set still signs, a new one is fetched behind it.
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(first.AccessKey, (await credentials.GetCredentialsAsync()).AccessKey);
        // Wait for the renewed set itself, not for the emulator's counter: the counter moves when the
        // request arrives, before the response is read and the set replaced.
        var waited = Stopwatch.StartNew();
        while ((await credentials.GetCredentialsAsync()).AccessKey == first.AccessKey && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20, ct);
        }

        Assert.NotEqual(first.AccessKey, (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal(2, emulator.Admin.Counters["GetProgrammaticAccessCredentials"]);

        // Past the first set's expiry on the emulator's clock: calls go on with the renewed set.
        clock.Advance(TimeSpan.FromSeconds(20));
        await services.Datasets.CreateAsync(new DatasetDefinition { Title = "signed with the renewed credentials" }, ct);
        Assert.NotEqual(first.AccessKey, (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal(2, emulator.Admin.Counters["GetProgrammaticAccessCredentials"]);
    }

    /// <summary>The SDK's view of the same manual clock the emulator reads.</summary>
    private sealed class SdkClock(ManualClock clock) : ITimeProvider
    {
        public DateTime CorrectedUtcNow => clock.GetUtcNow().UtcDateTime;
    }
}
