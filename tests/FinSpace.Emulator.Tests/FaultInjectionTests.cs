using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Throttling, 500s, dropped connections and latency, deterministic under a seed; request counters.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ThrottledRequestsGet429ThrottlingException()
    {
        await using var emulator = await Emulators.StartAsync(o => o.Faults = new FaultSettings { ThrottleRate = 1 });
        using var client = emulator.Client();

        var response = await client.GetAsync("/datasetsv2");

        Assert.Equal((HttpStatusCode)429, response.Status);
        Assert.Equal("ThrottlingException", response.ErrorType);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [Fact]
    public async Task InjectedErrorsGet500InternalServerException()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        emulator.Admin.SetFaults(new FaultSettings { ErrorRate = 1 });

        var response = await client.PostAsync("/datasetsv2", Requests.Dataset());

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal("InternalServerException", response.ErrorType);
        Assert.Equal(0, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameFaults()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var settings = new FaultSettings { ThrottleRate = 0.3, ErrorRate = 0.3, Seed = 42 };

        async Task<List<HttpStatusCode>> RunAsync()
        {
            emulator.Admin.SetFaults(settings);
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 40; i++)
            {
                statuses.Add((await client.GetAsync("/datasetsv2")).Status);
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();
        settings.Seed = 7;
        var otherSeed = await RunAsync();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
        Assert.Contains((HttpStatusCode)429, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.OK, first);
    }

    [Fact]
    public async Task FaultsCanBeLimitedToNamedOperations()
    {
        await using var emulator = await Emulators.StartAsync(o => o.Faults = new FaultSettings { ThrottleRate = 1, Operations = new[] { "CreateDataset" } });
        using var client = emulator.Client();

        var create = await client.PostAsync("/datasetsv2", Requests.Dataset());
        var list = await client.GetAsync("/datasetsv2");

        Assert.Equal("ThrottlingException", create.ErrorType);
        Assert.Equal(HttpStatusCode.OK, list.Status);
    }

    [Fact]
    public async Task ADroppedConnectionLosesTheAnswerNotTheWrite()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        emulator.Admin.SetFaults(new FaultSettings { DropRate = 1, Operations = new[] { "CreateDataset" } });
        var body = Requests.Dataset("dropped", clientToken: "retry-me");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsync("/datasetsv2", body));
        emulator.Admin.ClearFaults();
        var retry = Requests.Ok(await client.PostAsync("/datasetsv2", body));
        var listed = Requests.Ok(await client.GetAsync("/datasetsv2")).Json.GetProperty("datasets");

        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal(listed[0].GetProperty("datasetId").GetString(), retry.Str("datasetId"));
    }

    [Fact]
    public async Task LatencyHoldsAMatchingRequestWhileOthersAreAnswered()
    {
        await using var emulator = await Emulators.StartAsync(o => o.Faults = new FaultSettings { Latency = TimeSpan.FromHours(1), Operations = new[] { "ListUsers" } });
        using var client = emulator.Client();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var delayed = http.GetAsync("/user?maxResults=1", cancel.Token);
        await WaitUntilAsync(() => emulator.Admin.Counters["ListUsers"] == 1);

        var other = await client.GetAsync("/datasetsv2");

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.False(delayed.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delayed);
    }

    [Fact]
    public async Task CountersCountEveryRequestIncludingRejectedOnes()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        Requests.Ok(await client.GetAsync("/datasetsv2"));
        await client.PostAsync("/datasetsv2", "{}");
        client.Sign = false;
        await client.GetAsync("/datasetsv2");
        await client.GetAsync("/nowhere");
        var overHttp = Requests.Ok(await client.GetAsync("/_emulator/counters")).Json;

        Assert.Equal(2, emulator.Admin.Counters["ListDatasets"]);
        Assert.Equal(1, emulator.Admin.Counters["CreateDataset"]);
        Assert.Equal(1, emulator.Admin.Counters[RequestCounters.UnknownOperation]);
        Assert.Equal(0, emulator.Admin.Counters["GetUser"]);
        Assert.Equal(4, emulator.Admin.Counters.Total);
        Assert.Equal(4, overHttp.GetProperty("total").GetInt64());
        Assert.Equal(2, overHttp.GetProperty("operations").GetProperty("ListDatasets").GetInt64());

        Requests.Ok(await client.DeleteAsync("/_emulator/counters"));
        Assert.Equal(0, emulator.Admin.Counters.Total);
        await client.GetAsync("/datasetsv2");
        emulator.Admin.Counters.Reset();
        Assert.Empty(emulator.Admin.Counters.Snapshot());
    }

    [Fact]
    public async Task FaultsCanBeSetAndClearedOverTheAdminPath()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var set = Requests.Ok(await client.PutAsync("/_emulator/faults", new Dictionary<string, object> { ["errorRate"] = 1.0, ["seed"] = 3, ["operations"] = new[] { "ListDatasets" } })).Json;
        var failing = await client.GetAsync("/datasetsv2");
        var invalid = await client.PutAsync("/_emulator/faults", new Dictionary<string, object> { ["throttleRate"] = 0.8, ["errorRate"] = 0.8 });
        Requests.Ok(await client.DeleteAsync("/_emulator/faults"));
        var healthy = await client.GetAsync("/datasetsv2");

        Assert.Equal(3, set.GetProperty("seed").GetInt32());
        Assert.Equal(HttpStatusCode.InternalServerError, failing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(HttpStatusCode.OK, healthy.Status);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Bounded by the test's cancellation, not by a clock: it waits for an event to happen.
        while (!condition())
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
