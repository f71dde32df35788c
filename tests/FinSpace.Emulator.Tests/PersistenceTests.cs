using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>With a data directory, acknowledged writes survive a restart.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "finspace-emulator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StateSurvivesARestartOnTheSameDataDirectory()
    {
        string dataset, changeset, group, user, token;
        await using (var first = await Emulators.StartAsync(o => o.DataDirectory = _directory))
        {
            using var client = first.Client();
            dataset = await client.CreateDatasetAsync("Persistent", alias: "alias/persistent");
            changeset = await client.CreateChangesetAsync(dataset);
            group = await client.CreateGroupAsync("Persistent group");
            user = await client.CreateUserAsync("persistent@example.com");
            Requests.Ok(await client.PostAsync($"/permission-group/{group}/users/{user}"));
            Requests.Ok(await client.PostAsync($"/user/{user}/disable"));
            await client.CreateDatasetAsync("second");
            token = Requests.Ok(await client.GetAsync("/datasetsv2?maxResults=1")).Json.GetProperty("nextToken").GetString()!;
        }

        await using var second = await Emulators.StartAsync(o => o.DataDirectory = _directory);
        using var again = second.Client();
        var readBack = Requests.Ok(await again.GetAsync($"/datasetsv2/{dataset}")).Json;
        var members = Requests.Ok(await again.GetAsync($"/permission-group/{group}/users?maxResults=10")).Json;
        var nextPage = Requests.Ok(await again.GetAsync($"/datasetsv2?maxResults=1&nextToken={Uri.EscapeDataString(token)}")).Json;
        var duplicateAlias = await again.PostAsync("/datasetsv2", Requests.Dataset("other", alias: "alias/persistent"));

        Assert.Equal("Persistent", readBack.GetProperty("datasetTitle").GetString());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/datasets/{dataset}/changesetsv2/{changeset}")).Status);
        Assert.Equal("DISABLED", Requests.Ok(await again.GetAsync($"/user/{user}")).Str("status"));
        Assert.Equal(user, members.GetProperty("users")[0].GetProperty("userId").GetString());
        Assert.Equal("second", nextPage.GetProperty("datasets")[0].GetProperty("datasetTitle").GetString());
        Assert.Equal("ALIAS_ALREADY_EXISTS", duplicateAlias.Reason);
        Assert.Equal(new StateSummary(2, 1, 0, 1, 1, 1), second.Admin.Summary());
    }

    [Fact]
    public async Task DeletesAndIdempotencyRecordsArePersistedToo()
    {
        string kept;
        await using (var first = await Emulators.StartAsync(o => o.DataDirectory = _directory))
        {
            using var client = first.Client();
            var doomed = await client.CreateDatasetAsync("doomed");
            await client.CreateChangesetAsync(doomed);
            Requests.Ok(await client.DeleteAsync($"/datasetsv2/{doomed}"));
            kept = Requests.Ok(await client.PostAsync("/datasetsv2", Requests.Dataset("kept", clientToken: "persisted-token"))).Str("datasetId");
        }

        await using var second = await Emulators.StartAsync(o => o.DataDirectory = _directory);
        using var again = second.Client();
        var retried = Requests.Ok(await again.PostAsync("/datasetsv2", Requests.Dataset("kept", clientToken: "persisted-token"))).Str("datasetId");

        Assert.Equal(kept, retried);
        Assert.Equal(new StateSummary(1, 0, 0, 0, 0, 0), second.Admin.Summary());
    }

    [Fact]
    public async Task ASeededBatchIsPersistedInOneGo()
    {
        await using (var first = await Emulators.StartAsync(o => o.DataDirectory = _directory))
        {
            first.Admin.Seed(new SeedRequest { Datasets = 2000, Users = 50, PermissionGroups = 5, MembershipsPerUser = 2, ChangesetsPerDataset = 1 });
        }

        await using var second = await Emulators.StartAsync(o => o.DataDirectory = _directory);

        Assert.Equal(new StateSummary(2000, 2000, 0, 5, 50, 100), second.Admin.Summary());
    }

    [Fact]
    public async Task ResetEmptiesThePersistedStateToo()
    {
        await using (var first = await Emulators.StartAsync(o => o.DataDirectory = _directory))
        {
            first.Admin.Seed(new SeedRequest { Datasets = 10 });
            first.Admin.Reset();
        }

        await using var second = await Emulators.StartAsync(o => o.DataDirectory = _directory);

        Assert.Equal(0, second.Admin.Summary().Datasets);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
