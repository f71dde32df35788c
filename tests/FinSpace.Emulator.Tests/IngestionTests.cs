using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;
using Parquet;
using Parquet.Schema;

namespace FinSpace.Emulator.Tests;

/// <summary>Changesets read their files from S3 (moto), check them against the schema, and store the rows or say what was wrong.</summary>
public sealed class IngestionTests
{
    private static readonly string[] Prices = ["ticker:STRING", "price:DOUBLE", "volume:BIGINT"];

    private readonly MotoFixture _moto;

    public IngestionTests(MotoFixture moto)
    {
        _moto = moto;
    }

    private static Dictionary<string, string> Format(string type, params (string Key, string Value)[] more)
    {
        var format = new Dictionary<string, string> { ["formatType"] = type };
        foreach (var (key, value) in more)
        {
            format[key] = value;
        }

        return format;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static List<string?[]> Rows(StorageHarness h, string changesetId) => h.Emulator.Core.Data.Load(changesetId)!.Rows;

    private static async Task<(string Category, string Message)> FailureAsync(StorageHarness h, string dataset, string path, Dictionary<string, string>? format = null)
    {
        var settled = await h.SettledChangesetAsync(dataset, await h.ChangesetAsync(dataset, path, format));
        Assert.Equal("FAILED", settled.GetProperty("status").GetString());
        var error = settled.GetProperty("errorInfo");
        return (error.GetProperty("errorCategory").GetString()!, error.GetProperty("errorMessage").GetString()!);
    }

    [Fact]
    public async Task AFolderOfCsvFilesIsOneChangesetInKeyOrderSkippingMarkersAndHiddenFiles()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices, ["ticker"]);
        await h.PutAsync("in/b.csv", "ticker,price,volume\nMSFT,2.5,20\n");
        await h.PutAsync("in/a.csv", "ticker,price,volume\nAMZN,1.5,10\n\"AA,\"\"X\"\"\",,\n");
        await h.PutAsync("in/sub/c.csv", "volume,ticker,price\n30,IBM,3\n");
        await h.PutAsync("in/_SUCCESS", "");
        await h.PutAsync("in/", "");

        var id = await h.LoadAsync(dataset, h.Uri("in/"));
        var changeset = Requests.Ok(await h.Client.GetAsync($"/datasets/{dataset}/changesetsv2/{id}")).Json;

        Assert.Equal(
            new[] { "AMZN|1.5|10", "AA,\"X\"||", "MSFT|2.5|20", "IBM|3|30" },
            Rows(h, id).Select(r => string.Join('|', r)));
        Assert.True(changeset.TryGetProperty("activeFromTimestamp", out _));
    }

    [Fact]
    public async Task APathWithoutTrailingSlashIsAnObjectOrElseAFolder()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("one.csv", "ticker,price,volume\nA,1,1\n");
        await h.PutAsync("folder/x.csv", "ticker,price,volume\nB,2,2\n");

        var single = await h.LoadAsync(dataset, h.Uri("one.csv"));
        var folder = await h.LoadAsync(dataset, h.Uri("folder"));

        Assert.Equal("A", Assert.Single(Rows(h, single))[0]);
        Assert.Equal("B", Assert.Single(Rows(h, folder))[0]);
    }

    [Fact]
    public async Task AMissingFileFailsAsResourceNotFound()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);

        var missing = await FailureAsync(h, dataset, h.Uri("nowhere/prices.csv"));
        var noBucket = await FailureAsync(h, dataset, "s3://no-such-bucket-anywhere/prices.csv");
        var notS3 = await FailureAsync(h, dataset, "https://example.com/prices.csv");

        Assert.Equal("RESOURCE_NOT_FOUND", missing.Category);
        Assert.Contains(h.Uri("nowhere/prices.csv"), missing.Message);
        Assert.Equal("RESOURCE_NOT_FOUND", noBucket.Category);
        Assert.Contains("bucket", noBucket.Message);
        Assert.Equal("VALIDATION", notS3.Category);
    }

    [Theory]
    [InlineData("ticker,price,volume,extra\nA,1,1,x\n", "column 'extra' is not in the dataset's schema")]
    [InlineData("ticker,price\nA,1\n", "lacks column(s) 'volume'")]
    [InlineData("ticker,price,price\nA,1,1\n", "'price' appears more than once")]
    [InlineData("", "is empty, but withHeader is true")]
    [InlineData("ticker,price,volume\nA,1\n", "row 1: 2 field(s), but 3 column(s) are expected")]
    public async Task ABadHeaderOrRowShapeFailsAsValidation(string csv, string expected)
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("bad.csv", csv);

        var (category, message) = await FailureAsync(h, dataset, h.Uri("bad.csv"));

        Assert.Equal("VALIDATION", category);
        Assert.Contains(expected, message);
        Assert.Contains(h.Uri("bad.csv"), message);
    }

    [Fact]
    public async Task ATypeMismatchNamesTheFileRowAndColumn()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("tm/1.csv", "ticker,price,volume\nA,1,1\n");
        await h.PutAsync("tm/2.csv", "ticker,price,volume\nB,2,2\nC,3,3\nD,4,lots\n");

        var (category, message) = await FailureAsync(h, dataset, h.Uri("tm/"));

        Assert.Equal("VALIDATION", category);
        Assert.Equal($"Type mismatch in {h.Uri("tm/2.csv")} at row 3, column 'volume': 'lots' is not a valid BIGINT.", message);
    }

    [Fact]
    public async Task AnEmptyPrimaryKeyFails()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices, ["ticker"]);
        await h.PutAsync("pk.csv", "ticker,price,volume\nA,1,1\n,2,2\n");

        var (category, message) = await FailureAsync(h, dataset, h.Uri("pk.csv"));

        Assert.Equal("VALIDATION", category);
        Assert.Contains("row 2: primary key column 'ticker' is empty", message);
    }

    [Theory]
    [InlineData("bzip2", "compression 'bzip2' is not supported; use None or GZIP.")]
    [InlineData("GZIP", "is not gzip data, but formatParams.compression is GZIP")]
    public async Task BadCompressionFails(string compression, string expected)
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("plain.csv", "ticker,price,volume\nA,1,1\n");

        var (category, message) = await FailureAsync(h, dataset, h.Uri("plain.csv"), Format("CSV", ("compression", compression)));

        Assert.Equal("VALIDATION", category);
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task AnUnsupportedFormatOrSeparatorFails()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("x.csv", "ticker,price,volume\nA,1,1\n");

        var avro = await FailureAsync(h, dataset, h.Uri("x.csv"), Format("AVRO"));
        var separator = await FailureAsync(h, dataset, h.Uri("x.csv"), Format("CSV", ("separator", "||")));

        Assert.Equal(("VALIDATION", "formatType 'AVRO' is not supported; use CSV, JSON, PARQUET or XML."), avro);
        Assert.Contains("separator must be a single character, or \\t for a tab", separator.Message);
    }

    [Fact]
    public async Task GzipTabsAndHeaderlessCsvAreRead()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("gz/prices.csv.gz", Gzip("ticker,price,volume\nA,1.5,10\n"));
        await h.PutAsync("tabs.tsv", "B\t2\t20\n");

        var gzip = await h.LoadAsync(dataset, h.Uri("gz/prices.csv.gz"), Format("CSV", ("compression", "GZIP")));
        var tabs = await h.LoadAsync(dataset, h.Uri("tabs.tsv"), Format("CSV", ("separator", "\\t"), ("withHeader", "false")));
        var plainButGzipped = await FailureAsync(h, dataset, h.Uri("gz/prices.csv.gz"));

        Assert.Equal("A|1.5|10", string.Join('|', Assert.Single(Rows(h, gzip))));
        Assert.Equal("B|2|20", string.Join('|', Assert.Single(Rows(h, tabs))));
        Assert.Contains("set compression to GZIP", plainButGzipped.Message);
    }

    [Fact]
    public async Task JsonLinesAndJsonArraysAreRead()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("lines.json", "{\"ticker\":\"A\",\"price\":1.50,\"volume\":10}\n\n{\"ticker\":\"B\",\"price\":null}\n");
        await h.PutAsync("array.json", "[{\"ticker\":\"C\",\"price\":\"3\",\"volume\":30}]");
        await h.PutAsync("nested.json", "{\"ticker\":{\"x\":1}}\n");

        var lines = await h.LoadAsync(dataset, h.Uri("lines.json"), Format("JSON"));
        var array = await h.LoadAsync(dataset, h.Uri("array.json"), Format("JSON"));
        var nested = await FailureAsync(h, dataset, h.Uri("nested.json"), Format("JSON"));

        Assert.Equal(new[] { "A|1.50|10", "B||" }, Rows(h, lines).Select(r => string.Join('|', r)));
        Assert.Equal("C|3|30", string.Join('|', Assert.Single(Rows(h, array))));
        Assert.Contains("nested", nested.Message);
    }

    [Fact]
    public async Task XmlRowsAreRead()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("rows.xml", "<?xml version=\"1.0\"?><rows xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><row><ticker>A&amp;B</ticker><price>1.5</price><volume>10</volume></row><row><ticker>C</ticker><price xsi:nil=\"true\"/></row></rows>");
        await h.PutAsync("bad.xml", "<rows><row><ticker>A</ticker><price>x</price></row></rows>");

        var id = await h.LoadAsync(dataset, h.Uri("rows.xml"), Format("XML"));
        var bad = await FailureAsync(h, dataset, h.Uri("bad.xml"), Format("XML"));

        Assert.Equal(new[] { "A&B|1.5|10", "C||" }, Rows(h, id).Select(r => string.Join('|', r)));
        Assert.Contains("row 1, column 'price': 'x' is not a valid DOUBLE", bad.Message);
    }

    [Fact]
    public async Task ParquetIsReadWithItsTypes()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(["ticker:STRING", "price:DOUBLE", "volume:BIGINT", "day:DATE", "flag:BOOLEAN"]);
        var fields = new DataField[] { new DataField<string>("ticker", true), new DataField<double?>("price"), new DataField<long?>("volume"), new DataField<System.DateOnly?>("day"), new DataField<bool?>("flag") };
        using var file = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file, null, false, TestContext.Current.CancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], new[] { "A", null });
            await group.WriteAsync<double>(fields[1], new double?[] { 1.25, null }, null, null, TestContext.Current.CancellationToken);
            await group.WriteAsync<long>(fields[2], new long?[] { 10, 20 }, null, null, TestContext.Current.CancellationToken);
            await group.WriteAsync<System.DateOnly>(fields[3], new System.DateOnly?[] { new(2024, 1, 31), null }, null, null, TestContext.Current.CancellationToken);
            await group.WriteAsync<bool>(fields[4], new bool?[] { true, false }, null, null, TestContext.Current.CancellationToken);
        }

        await h.PutAsync("p.parquet", file.ToArray());

        var id = await h.LoadAsync(dataset, h.Uri("p.parquet"), Format("PARQUET"));

        Assert.Equal(new[] { "A|1.25|10|2024-01-31|true", "||20||false" }, Rows(h, id).Select(r => string.Join('|', r)));
    }

    [Fact]
    public async Task WithoutASchemaTheFirstHeaderNamesTextColumnsAndNonTabularFilesAreKeptAsTheyAre()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var inferred = await h.DatasetAsync([]);
        var files = await h.DatasetAsync([], kind: "NON_TABULAR");
        await h.PutAsync("free.csv", "a,b\n1,x\n");
        await h.PutAsync("docs/readme.txt", "not a table at all\n");
        await h.PutAsync("docs/img/logo.bin", new byte[] { 0, 1, 2, 255 });

        var tabular = await h.LoadAsync(inferred, h.Uri("free.csv"));
        var raw = await h.LoadAsync(files, h.Uri("docs/"));
        var stored = h.Emulator.Core.Data.Load(raw)!;

        Assert.Equal(new[] { "a", "b" }, h.Emulator.Core.Data.Load(tabular)!.Columns);
        Assert.Equal(new[] { "img/logo.bin", "readme.txt" }, stored.Files.Select(f => f.RelativePath));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, stored.Files[0].Content);
    }
}
