using System;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>A clientToken replays the first result for ten minutes and creates nothing new.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    public async Task ARepeatedCreateReturnsTheFirstResult()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var body = Requests.Dataset("Idempotent", clientToken: "token-1");

        var first = Requests.Ok(await client.PostAsync("/datasetsv2", body));
        var second = Requests.Ok(await client.PostAsync("/datasetsv2", body));

        Assert.Equal(first.Str("datasetId"), second.Str("datasetId"));
        Assert.Equal(1, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task TheSameTokenWithOtherParametersIsAConflict()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        Requests.Ok(await client.PostAsync("/datasetsv2", Requests.Dataset("One", clientToken: "token-2")));
        var reused = await client.PostAsync("/datasetsv2", Requests.Dataset("Two", clientToken: "token-2"));

        Assert.Equal(HttpStatusCode.Conflict, reused.Status);
        Assert.Equal("ConflictException", reused.ErrorType);
        Assert.Equal(1, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task AQueryStringTokenMakesDeleteRepeatable()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var id = await client.CreateDatasetAsync();

        var first = await client.DeleteAsync($"/datasetsv2/{id}?clientToken=delete-1");
        var retry = await client.DeleteAsync($"/datasetsv2/{id}?clientToken=delete-1");
        var withoutToken = await client.DeleteAsync($"/datasetsv2/{id}");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(id, retry.Str("datasetId"));
        Assert.Equal(HttpStatusCode.NotFound, withoutToken.Status);
    }

    [Fact]
    public async Task TheTokenIsForgottenAfterTenMinutes()
    {
        var clock = new ManualClock();
        await using var emulator = await Emulators.StartAsync(o => o.TimeProvider = clock);
        using var client = emulator.Client(clock);
        var body = Requests.Dataset("Later", clientToken: "token-3");

        var first = Requests.Ok(await client.PostAsync("/datasetsv2", body));
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var later = Requests.Ok(await client.PostAsync("/datasetsv2", body));

        Assert.NotEqual(first.Str("datasetId"), later.Str("datasetId"));
        Assert.Equal(2, emulator.Admin.Summary().Datasets);
    }

    [Fact]
    public async Task TokensAreScopedToTheOperation()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var group = Requests.Ok(await client.PostAsync("/permission-group", new System.Collections.Generic.Dictionary<string, object> { ["name"] = "g", ["applicationPermissions"] = new[] { "CreateDataset" }, ["clientToken"] = "shared" }));
        var dataset = Requests.Ok(await client.PostAsync("/datasetsv2", Requests.Dataset("d", clientToken: "shared")));

        Assert.False(string.IsNullOrEmpty(group.Str("permissionGroupId")));
        Assert.False(string.IsNullOrEmpty(dataset.Str("datasetId")));
    }
}
