using System;
using System.IO;
using System.Linq;
using FinSpace.Management;
using FinSpace.Management.Transfer;

namespace FinSpace.PowerShell.Tests.Core.Transfer;

/// <summary>What Import-FSChangeset decides on the local disk before any request: files, keys, format, prefix, options.</summary>
public sealed class LocalPlanTests
{
    [Fact]
    public void EachPathGetsASequenceFolderInTheOrderGivenAndAFolderKeepsItsLayoutInOrdinalOrder()
    {
        using var scratch = new ScratchFolder();
        var second = scratch.Write("z-first.csv", "a\n1\n");
        scratch.Write("data/b.csv", "a\n2\n");
        scratch.Write("data/A.csv", "a\n3\n");
        scratch.Write("data/sub/c.csv", "a\n4\n");

        var files = LocalFileSet.Expand(new[] { second, Path.Combine(scratch.Path, "data") }, "Path");

        Assert.Equal(new[] { "00000/z-first.csv", "00001/A.csv", "00001/b.csv", "00001/sub/c.csv" }, files.Select(f => f.RelativeKey));
        Assert.Equal(Path.GetFullPath(second), files[0].FullPath);
        Assert.Equal(4, files[0].Length);
    }

    [Fact]
    public void TwoFilesWithTheSameNameDoNotCollide()
    {
        using var scratch = new ScratchFolder();
        var one = scratch.Write("x/prices.csv", "a\n");
        var two = scratch.Write("y/prices.csv", "a\n");

        var keys = LocalFileSet.Expand(new[] { one, two }, "Path").Select(f => f.RelativeKey).ToList();

        Assert.Equal(new[] { "00000/prices.csv", "00001/prices.csv" }, keys);
    }

    [Fact]
    public void ABadDatasetIdOrFormatIsRefusedWhenPlanningBeforeAnyUpload()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("a.csv", "a\n1\n");

        var dots = Assert.Throws<FinSpace.Data.Validation.RequestValidationException>(() => TransferService.PlanImport("..", "APPEND", new[] { file }, "Path", new StringMap()));
        var blank = Assert.Throws<FinSpace.Data.Validation.RequestValidationException>(() =>
            TransferService.PlanImport("dataset1", "APPEND", new[] { file }, "Path", new StringMap { ["separator"] = " " }));

        Assert.StartsWith("-DatasetId (datasetId) must not be '..'", dots.Message);
        Assert.Equal("Separator", blank.ParamName);
    }

    [Fact]
    public void AMissingPathOrAnEmptyFolderFailsNamingTheParameter()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(Path.Combine(scratch.Path, "empty"));

        var missing = Assert.Throws<ArgumentException>(() => LocalFileSet.Expand(new[] { Path.Combine(scratch.Path, "nope.csv") }, "LiteralPath"));
        var empty = Assert.Throws<ArgumentException>(() => LocalFileSet.Expand(new[] { Path.Combine(scratch.Path, "empty") }, "Path"));

        Assert.Equal("LiteralPath", missing.ParamName);
        Assert.Contains("nope.csv", missing.Message);
        Assert.Equal("Path", empty.ParamName);
        Assert.Contains("holds no file", empty.Message);
    }

    [Theory]
    [InlineData("prices.csv", "CSV", null, null)]
    [InlineData("prices.CSV.GZ", "CSV", null, "GZIP")]
    [InlineData("prices.tsv", "CSV", "\\t", null)]
    [InlineData("prices.jsonl", "JSON", null, null)]
    [InlineData("prices.ndjson.gz", "JSON", null, "GZIP")]
    [InlineData("prices.parquet", "PARQUET", null, null)]
    [InlineData("prices.xml", "XML", null, null)]
    public void TheFormatComesFromTheExtension(string name, string format, string? separator, string? compression)
    {
        using var scratch = new ScratchFolder();
        var files = LocalFileSet.Expand(new[] { scratch.Write(name, "x") }, "Path");

        var map = FormatInference.Complete(files, new StringMap());

        Assert.Equal(format, map[ChangesetParameters.FormatType]);
        Assert.Equal(separator, map.TryGetValue(ChangesetParameters.Separator, out var s) ? s : null);
        Assert.Equal(compression, map.TryGetValue(ChangesetParameters.Compression, out var c) ? c : null);
    }

    [Fact]
    public void ExplicitFormatKeysWinAndARealTabBecomesTheTwoCharacters()
    {
        using var scratch = new ScratchFolder();
        var files = LocalFileSet.Expand(new[] { scratch.Write("export.txt.gz", "x") }, "Path");

        var map = FormatInference.Complete(files, ChangesetParameters.Format("CSV", false, "\t", "NONE", null));

        Assert.Equal("CSV", map[ChangesetParameters.FormatType]);
        Assert.Equal("\\t", map[ChangesetParameters.Separator]);
        Assert.Equal("NONE", map[ChangesetParameters.Compression]);
        Assert.Equal("false", map[ChangesetParameters.WithHeader]);
    }

    [Fact]
    public void FilesThatDisagreeOrAnUnknownExtensionNeedAnExplicitFormat()
    {
        using var scratch = new ScratchFolder();
        var mixed = LocalFileSet.Expand(new[] { scratch.Write("a.csv", "x"), scratch.Write("b.json", "x") }, "Path");
        var unknown = LocalFileSet.Expand(new[] { scratch.Write("c.dat", "x") }, "Path");
        var halfGzip = LocalFileSet.Expand(new[] { scratch.Write("d.csv", "x"), scratch.Write("e.csv.gz", "x") }, "Path");

        Assert.Equal("FormatType", Assert.Throws<ArgumentException>(() => FormatInference.Complete(mixed, new StringMap())).ParamName);
        Assert.Contains("c.dat", Assert.Throws<ArgumentException>(() => FormatInference.Complete(unknown, new StringMap())).Message);
        Assert.Equal("Compression", Assert.Throws<ArgumentException>(() => FormatInference.Complete(halfGzip, new StringMap())).ParamName);
        Assert.Equal("JSON", FormatInference.Complete(mixed, ChangesetParameters.Format("JSON", null, null, null, null))[ChangesetParameters.FormatType]);
    }

    [Fact]
    public void ThePrefixIsUnderTheWorkingPathSortableAndUnique()
    {
        var now = new DateTimeOffset(2024, 6, 28, 13, 5, 9, TimeSpan.FromHours(2));
        var id = Guid.Parse("0123456789abcdef0123456789abcdef");

        Assert.Equal("finspace/ingestion/fs-import-20240628T110509Z-0123456789abcdef0123456789abcdef/", UploadPrefix.For("finspace/ingestion/", now, id));
        Assert.Equal("in/fs-import-20240628T110509Z-0123456789abcdef0123456789abcdef/", UploadPrefix.For("/in", now, id));
        Assert.Equal("fs-import-20240628T110509Z-0123456789abcdef0123456789abcdef/", UploadPrefix.For(null, now, id));
        Assert.NotEqual(UploadPrefix.For("p/", now, Guid.NewGuid()), UploadPrefix.For("p/", now, Guid.NewGuid()));
    }

    [Fact]
    public void OptionsOutsideWhatS3AcceptsFailNamingTheParameter()
    {
        Assert.Equal("PartSizeMB", Assert.Throws<ArgumentException>(() => new TransferOptions { PartSize = 4 * TransferOptions.MiB }.Validate()).ParamName);
        Assert.Equal("ConcurrentRequests", Assert.Throws<ArgumentException>(() => new TransferOptions { ConcurrentRequests = 0 }.Validate()).ParamName);
        Assert.Equal("S3EndpointUrl", Assert.Throws<ArgumentException>(() => new TransferOptions { S3EndpointUrl = "ftp://x" }.Validate()).ParamName);
        new TransferOptions { PartSize = 5 * TransferOptions.MiB, S3EndpointUrl = "http://127.0.0.1:5000" }.Validate();
    }

    [Fact]
    public void ProgressReportsRateAndTimeLeftAtMostEveryInterval()
    {
        var now = TimeSpan.Zero;
        var meter = new ProgressMeter("Uploading", bytesTotal: 1000, filesTotal: 2, () => now);

        var first = meter.Add(100);
        now = TimeSpan.FromMilliseconds(100);
        var tooSoon = meter.Add(100);
        now = TimeSpan.FromSeconds(1);
        var due = meter.Add(200);

        Assert.NotNull(first);
        Assert.Null(tooSoon);
        Assert.NotNull(due);
        Assert.Equal(400, due!.BytesDone);
        Assert.Equal(400, due.BytesPerSecond, 3);
        Assert.Equal(TimeSpan.FromSeconds(1.5), due.Remaining);
        Assert.Equal(40, due.PercentComplete);
        Assert.Contains("at 0.0 MB/s", due.Describe());
    }
}
