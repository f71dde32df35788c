using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>With a data directory, ingested rows survive a restart and exports after it still see them.</summary>
public sealed class StoragePersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "finspace-emulator-tests", Guid.NewGuid().ToString("N"));
    private readonly MotoFixture _moto;

    public StoragePersistenceTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task IngestedRowsSurviveARestart()
    {
        var bucket = S3.UniqueBucket("persist");
        string dataset, kept;
        await using (var first = await StorageHarness.StartAsync(_moto, o => o.DataDirectory = _directory, bucket))
        {
            dataset = await first.DatasetAsync(["ticker:STRING", "note:STRING"]);
            await first.PutAsync("a.csv", "ticker,note\nA,\"multi\nline, \"\"quoted\"\"\"\nB,\n");
            kept = await first.LoadAsync(dataset, first.Uri("a.csv"));
        }

        await using var second = await StorageHarness.StartAsync(_moto, o => o.DataDirectory = _directory, bucket);
        await second.PutAsync("b.csv", "ticker,note\nC,x\n");
        await second.LoadAsync(dataset, second.Uri("b.csv"), changeType: "APPEND");
        var prefix = await second.ExportAsync(dataset, StorageHarness.Csv());
        var exported = Encoding.UTF8.GetString(await second.ReadAsync(prefix + "part-00000.csv"));
        var changeset = Requests.Ok(await second.Client.GetAsync($"/datasets/{dataset}/changesetsv2/{kept}")).Json;

        Assert.Equal("ticker,note\nA,\"multi\nline, \"\"quoted\"\"\"\nB,\nC,x\n", exported);
        Assert.Equal("SUCCESS", changeset.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DeletingADatasetOrResettingRemovesItsStoredRows()
    {
        var bucket = S3.UniqueBucket("persist-del");
        await using var h = await StorageHarness.StartAsync(_moto, o => o.DataDirectory = _directory, bucket);
        var doomed = await h.DatasetAsync(["ticker:STRING"]);
        var survivor = await h.DatasetAsync(["ticker:STRING"]);
        await h.PutAsync("a.csv", "ticker\nA\n");
        var gone = await h.LoadAsync(doomed, h.Uri("a.csv"));
        var staying = await h.LoadAsync(survivor, h.Uri("a.csv"));

        Requests.Ok(await h.Client.DeleteAsync($"/datasetsv2/{doomed}"));
        var afterDelete = (h.Emulator.Core.Data.Load(gone), h.Emulator.Core.Data.Load(staying));
        h.Emulator.Admin.Reset();

        Assert.Null(afterDelete.Item1);
        Assert.NotNull(afterDelete.Item2);
        Assert.Null(h.Emulator.Core.Data.Load(staying));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
