using System;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

[Collection(EmulatorCollection.Name)]
public sealed class DatasetServiceTests(EmulatorFixture fixture)
{
    private DatasetService Datasets => fixture.Services.Datasets;

    [Fact]
    public async Task CreateThenGetReturnsWhatWasDefined()
    {
        var alias = "alias/" + EmulatorFixture.Unique("eq");
        var schema = SchemaBuilder.Build(new System.Collections.Specialized.OrderedDictionary { ["ticker"] = "string", ["price"] = "DOUBLE" }, new[] { "ticker" });
        var id = await Datasets.CreateAsync(new DatasetDefinition
        {
            Title = "Equities",
            Kind = "TABULAR",
            Description = "Daily prices",
            Alias = alias,
            Schema = schema,
            Owner = new DatasetOwner { Name = "Ops", Email = "ops@example.com" },
        }, TestContext.Current.CancellationToken);

        var dataset = await Datasets.GetAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal(id, dataset.DatasetId);
        Assert.Equal("Equities", dataset.Title);
        Assert.Equal("TABULAR", dataset.Kind);
        Assert.Equal(alias, dataset.Alias);
        Assert.Equal("Daily prices", dataset.Description);
        Assert.Equal(new[] { "ticker:STRING", "price:DOUBLE" }, dataset.Schema!.Columns.Select(c => c.ToString()));
        Assert.Equal(new[] { "ticker" }, dataset.Schema.PrimaryKeyColumns);
        Assert.NotNull(dataset.Status);
        Assert.StartsWith("arn:aws:finspace:", dataset.DatasetArn);
        Assert.Equal(DateTimeKind.Local, dataset.CreateTime!.Value.Kind);
    }

    [Fact]
    public async Task EachPathFillsWhatItsResponseCarries()
    {
        // ListDatasets returns the owner and no status, GetDataset the status and no owner; a new
        // dataset is read back and completed with the owner it was created with.
        var ct = TestContext.Current.CancellationToken;
        var definition = new DatasetDefinition { Title = EmulatorFixture.Unique("owned"), Owner = new DatasetOwner { Name = "Ops", Email = "ops@example.com", PhoneNumber = "+1 555 0100" } };
        var id = await Datasets.CreateAsync(definition, ct);

        var created = await Datasets.GetCreatedAsync(id, definition, ct);
        var byId = await Datasets.GetAsync(id, ct);
        var listed = Datasets.List(cancellationToken: ct).Single(d => d.DatasetId == id);

        Assert.Equal(("Ops", "ops@example.com", "+1 555 0100"), (created.Owner!.Name, created.Owner.Email, created.Owner.PhoneNumber));
        Assert.NotNull(created.Status);
        Assert.NotSame(definition.Owner, created.Owner);
        Assert.Null(byId.Owner);
        Assert.NotNull(byId.Status);
        Assert.Equal(("Ops", "ops@example.com"), (listed.Owner!.Name, listed.Owner.Email));
        Assert.Null(listed.Status);
    }

    [Fact]
    public async Task UpdateChangesOnlyWhatIsGivenAndKeepsTheRest()
    {
        var alias = "alias/" + EmulatorFixture.Unique("keep");
        var id = await Datasets.CreateAsync(new DatasetDefinition
        {
            Title = "Before",
            Description = "Kept description",
            Alias = alias,
            Schema = SchemaBuilder.Build(new System.Collections.Hashtable { ["a"] = "INTEGER" }, null),
        }, TestContext.Current.CancellationToken);

        await Datasets.UpdateAsync(id, new DatasetChanges { Title = "After" }, TestContext.Current.CancellationToken);
        var dataset = await Datasets.GetAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal("After", dataset.Title);
        Assert.Equal("Kept description", dataset.Description);
        Assert.Equal(alias, dataset.Alias);
        Assert.Equal("TABULAR", dataset.Kind);
        Assert.Equal("a:INTEGER", Assert.Single(dataset.Schema!.Columns).ToString());
    }

    [Fact]
    public async Task DeleteRemovesTheDatasetAndItsChildren()
    {
        var id = await Datasets.CreateAsync(new DatasetDefinition { Title = "Short lived" }, TestContext.Current.CancellationToken);
        await fixture.Services.Changesets.CreateAsync(id, new ChangesetDefinition
        {
            ChangeType = "APPEND",
            SourceParams = ChangesetParameters.Source("s3://bucket/a.csv", null, null),
            FormatParams = ChangesetParameters.Format("CSV", true, ",", null, null),
        }, TestContext.Current.CancellationToken);

        await Datasets.DeleteAsync(id, cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Datasets.GetAsync(id, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ResourceNotFoundException>(async () =>
        {
            await foreach (var _ in fixture.Services.Changesets.ListAsync(id, cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task ListingStreamsEveryPageAndStopsWhenTheConsumerStops()
    {
        // A private emulator: counting pages needs nobody else listing at the same time.
        await using var emulator = await FinSpace.Emulator.FinSpaceEmulator.StartAsync(new FinSpace.Emulator.EmulatorOptions { VerifySignatures = false }, TestContext.Current.CancellationToken);
        emulator.Admin.Seed(new FinSpace.Emulator.SeedRequest { Datasets = 95 });
        var services = EmulatorFixture.ServicesFor(emulator);

        var all = services.Datasets.ListAsync(pageSize: 10, TestContext.Current.CancellationToken).AsBlocking(TestContext.Current.CancellationToken).ToList();
        Assert.Equal(95, all.Count);
        Assert.Equal(95, all.Select(d => d.DatasetId).Distinct().Count());
        Assert.Equal(10, emulator.Admin.Counters["ListDatasets"]);

        emulator.Admin.Counters.Reset();
        var firstFive = services.Datasets.ListAsync(pageSize: 10, TestContext.Current.CancellationToken).AsBlocking(TestContext.Current.CancellationToken).Take(5).ToList();
        Assert.Equal(all.Take(5).Select(d => d.DatasetId), firstFive.Select(d => d.DatasetId));
        Assert.Equal(1, emulator.Admin.Counters["ListDatasets"]);

        emulator.Admin.Counters.Reset();
        var fifteen = services.Datasets.ListAsync(pageSize: 10, TestContext.Current.CancellationToken).AsBlocking(TestContext.Current.CancellationToken).Take(15).ToList();
        Assert.Equal(15, fifteen.Count);
        Assert.Equal(2, emulator.Admin.Counters["ListDatasets"]);
    }
}
