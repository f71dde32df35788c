using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Bulk seeding at benchmark scale. Timings are reported, never asserted.</summary>
public sealed class SeedingTests
{
    [Fact]
    public async Task OneHundredThousandDatasetsSeedAndListCompletely()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var seeded = emulator.Admin.Seed(new SeedRequest { Datasets = 100_000 });
        var listing = Stopwatch.StartNew();
        var (ids, pages) = await PagingTests.WalkAsync(client, "/datasetsv2", "datasets", "datasetId", 100);
        listing.Stop();

        Assert.Equal(100_000, seeded.Datasets);
        Assert.Equal(100_000, emulator.Admin.Summary().Datasets);
        Assert.Equal(100_000, ids.Count);
        Assert.Equal(100_000, ids.Distinct().Count());
        Assert.Equal(1000, pages);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"seeded 100000 datasets in {seeded.Elapsed.TotalMilliseconds:0} ms; listed them over signed HTTP in {listing.ElapsedMilliseconds} ms ({100_000 / listing.Elapsed.TotalSeconds:0} items/s)");
    }

    [Fact]
    public async Task OneHundredThousandDatasetsSeedWithPersistence()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "finspace-emulator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SeedResult seeded;
            await using (var emulator = await Emulators.StartAsync(o => o.DataDirectory = directory))
            {
                seeded = emulator.Admin.Seed(new SeedRequest { Datasets = 100_000 });
            }

            var restart = Stopwatch.StartNew();
            await using var again = await Emulators.StartAsync(o => o.DataDirectory = directory);
            restart.Stop();

            Assert.Equal(100_000, again.Admin.Summary().Datasets);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"seeded 100000 datasets with SQLite write-through in {seeded.Elapsed.TotalMilliseconds:0} ms; restart loaded them in {restart.ElapsedMilliseconds} ms");
        }
        finally
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SeededUsersAndGroupsComeWithMemberships()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var seeded = emulator.Admin.Seed(new SeedRequest { Users = 30, PermissionGroups = 4, MembershipsPerUser = 2 });
        var (groups, _) = await PagingTests.WalkAsync(client, "/permission-group", "permissionGroups", "permissionGroupId", 100);
        var members = new List<string>();
        foreach (var group in groups)
        {
            members.AddRange((await PagingTests.WalkAsync(client, $"/permission-group/{group}/users", "users", "userId", 7)).Ids);
        }

        Assert.Equal(60, seeded.Memberships);
        Assert.Equal(60, members.Count);
        Assert.Equal(30, members.Distinct().Count());
    }

    [Fact]
    public async Task SeedingOverTheAdminPathReportsWhatWasAdded()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var result = Requests.Ok(await client.PostAsync("/_emulator/seed", new Dictionary<string, int> { ["datasets"] = 5, ["users"] = 3 })).Json;
        var state = Requests.Ok(await client.GetAsync("/_emulator/state")).Json;
        Requests.Ok(await client.PostAsync("/_emulator/reset"));

        Assert.Equal(5, result.GetProperty("datasets").GetInt32());
        Assert.Equal(3, state.GetProperty("users").GetInt32());
        Assert.Equal(new StateSummary(0, 0, 0, 0, 0, 0), emulator.Admin.Summary());
    }
}
