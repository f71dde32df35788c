using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Cli;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Token buckets per operation, read against a manual clock so every admit and refusal is exact.</summary>
public sealed class RateLimitTests
{
    private static async Task<(FinSpaceEmulator Emulator, ManualClock Clock)> StartAsync(RateLimitSettings limits)
    {
        var clock = new ManualClock();
        var emulator = await Emulators.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RateLimits = limits;
        });
        return (emulator, clock);
    }

    private static async Task<List<int>> StatusesAsync(ApiClient client, string path, int count)
    {
        var statuses = new List<int>();
        for (int i = 0; i < count; i++)
        {
            statuses.Add((int)(await client.GetAsync(path)).Status);
        }

        return statuses;
    }

    [Fact]
    public async Task ABurstPassesThenRequestsWaitForTheBucketToRefill()
    {
        var (emulator, clock) = await StartAsync(new RateLimitSettings { RequestsPerSecond = 2, Burst = 3 });
        await using var _ = emulator;
        using var client = emulator.Client(clock);

        var burst = await StatusesAsync(client, "/datasetsv2", 4);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        var tooSoon = await StatusesAsync(client, "/datasetsv2", 1);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var refilled = await StatusesAsync(client, "/datasetsv2", 2);
        clock.Advance(TimeSpan.FromSeconds(60));
        var afterQuiet = await StatusesAsync(client, "/datasetsv2", 4);

        Assert.Equal(new[] { 200, 200, 200, 429 }, burst);
        Assert.Equal(new[] { 429 }, tooSoon);
        Assert.Equal(new[] { 200, 429 }, refilled);
        Assert.Equal(new[] { 200, 200, 200, 429 }, afterQuiet);
        Assert.Equal(4, emulator.Admin.Counters.RateLimited);
        Assert.Equal(4, emulator.Admin.Counters.RateLimitedFor("ListDatasets"));
        Assert.Equal(11, emulator.Admin.Counters["ListDatasets"]);
    }

    [Fact]
    public async Task ARateLimitedRequestIsAnsweredExactlyAsAnInjectedThrottle()
    {
        var (emulator, clock) = await StartAsync(new RateLimitSettings { RequestsPerSecond = 1 });
        await using var _ = emulator;
        using var client = emulator.Client(clock);
        Requests.Ok(await client.GetAsync("/datasetsv2"));

        var limited = await client.GetAsync("/datasetsv2");
        emulator.Admin.ClearRateLimits();
        emulator.Admin.SetFaults(new FaultSettings { ThrottleRate = 1 });
        var injected = await client.GetAsync("/datasetsv2");

        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("ThrottlingException", limited.ErrorType);
        Assert.Equal((injected.Status, injected.ErrorType, injected.Text), (limited.Status, limited.ErrorType, limited.Text));
        Assert.Equal(1, emulator.Admin.Counters.RateLimited);
    }

    [Fact]
    public async Task EachOperationHasItsOwnBucketAndOverridesReplaceTheDefault()
    {
        var limits = new RateLimitSettings { RequestsPerSecond = 1 };
        limits.Operations["ListUsers"] = new OperationRateLimit(3);
        limits.Operations["ListPermissionGroups"] = new OperationRateLimit(0);
        var (emulator, clock) = await StartAsync(limits);
        await using var _ = emulator;
        using var client = emulator.Client(clock);

        var datasets = await StatusesAsync(client, "/datasetsv2", 2);
        var users = await StatusesAsync(client, "/user?maxResults=10", 4);
        var groups = await StatusesAsync(client, "/permission-group?maxResults=10", 20);

        Assert.Equal(new[] { 200, 429 }, datasets);
        Assert.Equal(new[] { 200, 200, 200, 429 }, users);
        Assert.All(groups, s => Assert.Equal(200, s));
        Assert.Equal(1, emulator.Admin.Counters.RateLimitedFor("ListUsers"));
        Assert.Equal(0, emulator.Admin.Counters.RateLimitedFor("ListPermissionGroups"));
    }

    [Fact]
    public async Task TheAdminApiSetsReadsAndClearsLimitsAndCountsRefusals()
    {
        var (emulator, clock) = await StartAsync(new RateLimitSettings());
        await using var _ = emulator;
        using var client = emulator.Client(clock);

        var set = Requests.Ok(await client.PutAsync("/_emulator/limits", new { requestsPerSecond = 5, burst = 1, operations = new Dictionary<string, object> { ["ListUsers"] = 2, ["GetDataset"] = new { requestsPerSecond = 1, burst = 4 } } })).Json;
        var statuses = await StatusesAsync(client, "/datasetsv2", 2);
        var counters = Requests.Ok(await client.GetAsync("/_emulator/counters")).Json.GetProperty("rateLimited");
        var badName = await client.PutAsync("/_emulator/limits", new { operations = new Dictionary<string, object> { ["NoSuchOperation"] = 1 } });
        Requests.Ok(await client.DeleteAsync("/_emulator/limits"));
        var cleared = await StatusesAsync(client, "/datasetsv2", 3);

        Assert.Equal(5, set.GetProperty("requestsPerSecond").GetDouble());
        Assert.Equal(1, set.GetProperty("burst").GetInt32());
        Assert.Equal(2, set.GetProperty("operations").GetProperty("ListUsers").GetProperty("burst").GetInt32());
        Assert.Equal(4, set.GetProperty("operations").GetProperty("GetDataset").GetProperty("burst").GetInt32());
        Assert.Equal(new[] { 200, 429 }, statuses);
        Assert.Equal(1, counters.GetProperty("total").GetInt64());
        Assert.Equal(1, counters.GetProperty("operations").GetProperty("ListDatasets").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, badName.Status);
        Assert.Contains("NoSuchOperation", badName.Message);
        Assert.Equal(new[] { 200, 200, 200 }, cleared);
    }

    [Fact]
    public void TheCommandLineSetsTheDefaultBurstAndPerOperationLimits()
    {
        var parsed = CommandLineOptions.Parse(["--rate-limit", "10", "--rate-burst", "20", "--rate-limit-operation", "CreateUser=100", "--rate-limit-operation", "ListUsers=0.5:2"]);
        var limits = parsed.Emulator.RateLimits;

        Assert.Equal((10.0, 20), (limits.RequestsPerSecond, limits.Burst));
        Assert.Equal(new OperationRateLimit(100), limits.Operations["CreateUser"]);
        Assert.Equal(100, limits.Operations["CreateUser"].EffectiveBurst);
        Assert.Equal(new OperationRateLimit(0.5, 2), limits.Operations["ListUsers"]);
        Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(["--rate-limit-operation", "CreateUser"]));
    }

    [Fact]
    public async Task StartingWithAnUnknownOperationOrANegativeRateFails()
    {
        var unknown = new RateLimitSettings();
        unknown.Operations["createuser"] = new OperationRateLimit(1);

        await Assert.ThrowsAsync<ArgumentException>(() => Emulators.StartAsync(o => o.RateLimits = unknown));
        await Assert.ThrowsAsync<ArgumentException>(() => Emulators.StartAsync(o => o.RateLimits = new RateLimitSettings { RequestsPerSecond = -1 }));
    }

    [Fact]
    public async Task ResetRemovesTheLimits()
    {
        var (emulator, clock) = await StartAsync(new RateLimitSettings { RequestsPerSecond = 1 });
        await using var _ = emulator;
        using var client = emulator.Client(clock);
        await StatusesAsync(client, "/datasetsv2", 2);

        emulator.Admin.Reset();

        Assert.Equal(new[] { 200, 200, 200 }, await StatusesAsync(client, "/datasetsv2", 3));
        Assert.Equal(0, emulator.Admin.Counters.RateLimited);
        Assert.False(emulator.Admin.RateLimits.IsActive);
    }
}
