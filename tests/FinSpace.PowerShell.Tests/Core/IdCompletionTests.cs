using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>Tab completion of ids: across pages within a time bound, a brief cache, and never an exception.</summary>
public sealed class IdCompletionTests
{
    private static async Task<(FinSpaceEmulator Emulator, FinSpaceServices Services)> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = await FinSpaceEmulator.StartAsync(options ?? new EmulatorOptions(), TestContext.Current.CancellationToken);
        var services = EmulatorFixture.ServicesFor(emulator);
        return (emulator, services);
    }

    [Fact]
    public async Task OffersIdsMatchingThePrefixOrTheLabelAndCachesTheAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        var (emulator, services) = await StartAsync();
        await using var _ = emulator;
        var equities = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "Equities" }, ct);
        var bonds = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "Bonds" }, ct);
        var completion = new IdCompletion();

        var all = completion.Complete(services, IdKind.Dataset, null, "");
        var byLabel = completion.Complete(services, IdKind.Dataset, null, "equ");
        var byId = completion.Complete(services, IdKind.Dataset, null, bonds.Substring(0, 6));

        Assert.Equal(new[] { equities, bonds }.OrderBy(x => x), all.Select(s => s.Id).OrderBy(x => x));
        Assert.Equal(equities, Assert.Single(byLabel).Id);
        Assert.Equal("Equities", byLabel[0].Label);
        Assert.Contains(byId, s => s.Id == bonds);
        Assert.Equal(1, emulator.Admin.Counters["ListDatasets"]);
    }

    [Fact]
    public async Task ChangesetsCompleteWithinTheDatasetAlreadyTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var (emulator, services) = await StartAsync();
        await using var _ = emulator;
        var datasetId = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "with changesets" }, ct);
        var changesetId = await services.Changesets.CreateAsync(datasetId, new ChangesetDefinition
        {
            SourceParams = ChangesetParameters.Source("s3://b/k.csv", null, null),
            FormatParams = ChangesetParameters.Format("CSV", null, null, null, null),
        }, ct);
        var completion = new IdCompletion();

        Assert.Empty(completion.Complete(services, IdKind.Changeset, null, ""));
        Assert.Equal(changesetId, Assert.Single(completion.Complete(services, IdKind.Changeset, datasetId, "")).Id);
        Assert.Equal(1, emulator.Admin.Counters["ListChangesets"]);
    }

    [Fact]
    public async Task ASlowServiceYieldsNothingInsteadOfAnError()
    {
        var (emulator, services) = await StartAsync(new EmulatorOptions { Faults = new FaultSettings { Latency = TimeSpan.FromSeconds(5) } });
        await using var _ = emulator;
        var completion = new IdCompletion { Timeout = TimeSpan.FromMilliseconds(100) };

        Assert.Empty(completion.Complete(services, IdKind.User, null, ""));
    }

    [Fact]
    public async Task AFailingServiceYieldsNothingInsteadOfAnError()
    {
        var (emulator, services) = await StartAsync(new EmulatorOptions { Faults = new FaultSettings { ErrorRate = 1.0 } });
        await using var _ = emulator;

        Assert.Empty(new IdCompletion().Complete(services, IdKind.PermissionGroup, null, ""));
    }

    [Fact]
    public async Task FindsIdsBeyondTheFirstPageByIdStartOrEmailAndReadsNoPageTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var (emulator, services) = await StartAsync();
        await using var _ = emulator;
        emulator.Admin.Seed(new SeedRequest { Users = 260 });
        var everyone = services.Users.List(null, ct).ToList();
        var last = everyone[^1];
        var completion = new IdCompletion();
        var before = emulator.Admin.Counters["ListUsers"];

        var firstPage = completion.Complete(services, IdKind.User, null, "");
        Assert.Equal(100, firstPage.Count);
        Assert.Equal(1, emulator.Admin.Counters["ListUsers"] - before);

        var byId = completion.Complete(services, IdKind.User, null, last.UserId);
        var byEmail = completion.Complete(services, IdKind.User, null, last.EmailAddress!.Split('@')[0]);
        var again = completion.Complete(services, IdKind.User, null, last.UserId.Substring(0, 12));

        Assert.Equal(last.UserId, Assert.Single(byId).Id);
        Assert.Contains(byEmail, s => s.Id == last.UserId && s.Label == last.EmailAddress);
        Assert.Contains(again, s => s.Id == last.UserId);
        Assert.Equal(3, emulator.Admin.Counters["ListUsers"] - before);
    }

    [Fact]
    public async Task AListingCutShortByTheTimeoutGoesOnAtTheNextTab()
    {
        var ct = TestContext.Current.CancellationToken;
        var (emulator, services) = await StartAsync(new EmulatorOptions { Faults = new FaultSettings { Latency = TimeSpan.FromMilliseconds(250) } });
        await using var _ = emulator;
        emulator.Admin.Seed(new SeedRequest { Datasets = 350 });
        var last = services.Datasets.List(null, ct).Last();
        var completion = new IdCompletion { Timeout = TimeSpan.FromMilliseconds(400) };
        var before = emulator.Admin.Counters["ListDatasets"];

        var tries = 0;
        IReadOnlyList<IdSuggestion> found;
        do
        {
            found = completion.Complete(services, IdKind.Dataset, null, last.DatasetId);
            tries++;
        }
        while (found.Count == 0 && tries < 20);

        Assert.Equal(last.DatasetId, Assert.Single(found).Id);
        Assert.True(tries > 1, "four pages at 250 ms each cannot all arrive within one 400 ms completion");
        Assert.Equal(4, emulator.Admin.Counters["ListDatasets"] - before);
    }
}
