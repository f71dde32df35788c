using System;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Statuses derived from elapsed time, moved with a manual clock (no sleeping, no timers).</summary>
public sealed class LifecycleTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static Task<FinSpaceEmulator> StartAsync(ManualClock clock) =>
        Emulators.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Lifecycle = LifecycleTimings.Uniform(Step);
        });

    [Fact]
    public async Task AChangesetGoesPendingRunningSuccess()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(clock);
        using var client = emulator.Client(clock);
        var dataset = await client.CreateDatasetAsync();
        var id = await client.CreateChangesetAsync(dataset);
        async Task<string> Status() => Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{id}")).Str("status");

        var pending = await Status();
        clock.Advance(Step);
        var running = await Status();
        clock.Advance(Step);
        var done = Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{id}")).Json;

        Assert.Equal(("PENDING", "RUNNING", "SUCCESS"), (pending, running, done.GetProperty("status").GetString()));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), done.GetProperty("activeFromTimestamp").GetInt64());
        Assert.False(done.TryGetProperty("errorInfo", out _));
    }

    [Theory]
    [InlineData("s3://bucket/emulator-fail/data.csv", "USER_RECOVERABLE")]
    [InlineData("s3://bucket/emulator-fail-ACCESS_DENIED/data.csv", "ACCESS_DENIED")]
    [InlineData("s3://bucket/x-Emulator-Fail-service_quota_exceeded.csv", "SERVICE_QUOTA_EXCEEDED")]
    public async Task TheFailureMarkerEndsAChangesetFailedWithItsCategory(string path, string category)
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(clock);
        using var client = emulator.Client(clock);
        var dataset = await client.CreateDatasetAsync();
        var id = await client.CreateChangesetAsync(dataset, path);

        var running = Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{id}")).Json;
        clock.Advance(Step * 2);
        var failed = Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{id}")).Json;

        Assert.Equal("PENDING", running.GetProperty("status").GetString());
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal(category, failed.GetProperty("errorInfo").GetProperty("errorCategory").GetString());
        Assert.Contains("emulator-fail", failed.GetProperty("errorInfo").GetProperty("errorMessage").GetString());
        Assert.False(failed.TryGetProperty("activeFromTimestamp", out _));
    }

    [Fact]
    public async Task ADataViewGoesStartingRunningSuccess()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(clock);
        using var client = emulator.Client(clock);
        var dataset = await client.CreateDatasetAsync();
        var id = Requests.Ok(await client.PostAsync($"/datasets/{dataset}/dataviewsv2", Requests.DataView())).Str("dataViewId");
        async Task<string> Status() => Requests.Ok(await client.GetAsync($"/datasets/{dataset}/dataviewsv2/{id}")).Str("status");

        var starting = await Status();
        clock.Advance(Step);
        var running = await Status();
        clock.Advance(Step);

        Assert.Equal(("STARTING", "RUNNING", "SUCCESS"), (starting, running, await Status()));
    }

    [Fact]
    public async Task ADatasetGoesPendingRunningSuccess()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(clock);
        using var client = emulator.Client(clock);
        var id = await client.CreateDatasetAsync();
        async Task<string> Status() => Requests.Ok(await client.GetAsync($"/datasetsv2/{id}")).Str("status");

        var pending = await Status();
        clock.Advance(Step);
        var running = await Status();
        clock.Advance(Step);

        Assert.Equal(("PENDING", "RUNNING", "SUCCESS"), (pending, running, await Status()));
    }

    [Fact]
    public async Task AUserIsCreatingThenEnabledAndEnableDisableStampTheirTimes()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(clock);
        using var client = emulator.Client(clock);
        var id = await client.CreateUserAsync("lifecycle@example.com");
        async Task<System.Text.Json.JsonElement> User() => Requests.Ok(await client.GetAsync($"/user/{id}")).Json;

        var creating = await User();
        clock.Advance(Step);
        var enabled = await User();
        clock.Advance(Step);
        Requests.Ok(await client.PostAsync($"/user/{id}/disable"));
        var disabledAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var disabled = await User();
        clock.Advance(Step);
        Requests.Ok(await client.PostAsync($"/user/{id}/enable"));
        var reenabled = await User();

        Assert.Equal("CREATING", creating.GetProperty("status").GetString());
        Assert.False(creating.TryGetProperty("lastEnabledTime", out _));
        Assert.Equal("ENABLED", enabled.GetProperty("status").GetString());
        Assert.Equal("DISABLED", disabled.GetProperty("status").GetString());
        Assert.Equal(disabledAt, disabled.GetProperty("lastDisabledTime").GetInt64());
        Assert.Equal(disabledAt, disabled.GetProperty("lastModifiedTime").GetInt64());
        Assert.Equal(enabled.GetProperty("lastEnabledTime").GetInt64(), disabled.GetProperty("lastEnabledTime").GetInt64());
        Assert.Equal("ENABLED", reenabled.GetProperty("status").GetString());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), reenabled.GetProperty("lastEnabledTime").GetInt64());
    }

    [Fact]
    public async Task UpdateChangesetSupersedesAndLinksBothWays()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(clock);
        using var client = emulator.Client(clock);
        var dataset = await client.CreateDatasetAsync();
        var original = await client.CreateChangesetAsync(dataset);

        var tooEarly = await client.PutAsync($"/datasets/{dataset}/changesetsv2/{original}", Requests.Changeset("s3://bucket/v2.csv"));
        clock.Advance(Step * 2);
        var replacement = Requests.Ok(await client.PutAsync($"/datasets/{dataset}/changesetsv2/{original}", Requests.Changeset("s3://bucket/v2.csv"))).Str("changesetId");
        var oldWhileRunning = Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{original}")).Json;
        clock.Advance(Step * 2);
        var old = Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{original}")).Json;
        var @new = Requests.Ok(await client.GetAsync($"/datasets/{dataset}/changesetsv2/{replacement}")).Json;
        var again = await client.PutAsync($"/datasets/{dataset}/changesetsv2/{original}", Requests.Changeset("s3://bucket/v3.csv"));

        Assert.Equal("CHANGESET_NOT_COMPLETE", tooEarly.Reason);
        Assert.False(oldWhileRunning.TryGetProperty("activeUntilTimestamp", out _));
        Assert.Equal(replacement, old.GetProperty("updatedByChangesetId").GetString());
        Assert.Equal(original, @new.GetProperty("updatesChangesetId").GetString());
        Assert.Equal(@new.GetProperty("activeFromTimestamp").GetInt64(), old.GetProperty("activeUntilTimestamp").GetInt64());
        Assert.True(old.GetProperty("activeFromTimestamp").GetInt64() < old.GetProperty("activeUntilTimestamp").GetInt64());
        Assert.Equal("CHANGESET_ALREADY_UPDATED", again.Reason);
    }
}
