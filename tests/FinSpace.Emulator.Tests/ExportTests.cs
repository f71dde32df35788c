using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;
using Parquet;

namespace FinSpace.Emulator.Tests;

/// <summary>Dataviews write the dataset as of their time to S3, in the layout and format asked for.</summary>
public sealed class ExportTests
{
    private static readonly string[] Prices = ["ticker:STRING", "price:DOUBLE", "volume:BIGINT"];

    private readonly MotoFixture _moto;

    public ExportTests(MotoFixture moto)
    {
        _moto = moto;
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>A CSV in the export's canonical form: LF endings, a field quoted only when it holds the delimiter, a quote or a line break.</summary>
    private static string Canonical(IEnumerable<string[]> rows) =>
        string.Concat(rows.Select(r => string.Join(',', r.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f)) + "\n"));

    private static async Task<string> ExportedCsvAsync(StorageHarness h, string dataset) =>
        Text(await h.ReadAsync(await h.ExportAsync(dataset, StorageHarness.Csv()) + "part-00000.csv"));

    [Fact]
    public async Task AHundredThousandRowCsvComesBackByteForByte()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(["id:BIGINT", "name:STRING", "price:DOUBLE", "day:DATE", "active:BOOLEAN", "note:STRING"], ["id"]);
        var random = new Random(7);
        string[] awkward = ["plain", "with,comma", "with \"quote\"", "multi\nline", "  spaced  ", "", "ünïcødé €", "tab\there"];
        var rows = new List<string[]> { new[] { "id", "name", "price", "day", "active", "note" } };
        for (int i = 0; i < 100_000; i++)
        {
            rows.Add([
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"name-{random.Next(1000)}",
                (random.NextDouble() * 1000).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
                new DateOnly(2020, 1, 1).AddDays(random.Next(1500)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                random.Next(2) == 0 ? "true" : "FALSE",
                awkward[random.Next(awkward.Length)],
            ]);
        }

        var original = Encoding.UTF8.GetBytes(Canonical(rows));
        await h.PutAsync("big/prices.csv", original);
        await h.LoadAsync(dataset, h.Uri("big/prices.csv"));

        var prefix = await h.ExportAsync(dataset, StorageHarness.Csv(header: "true", delimiter: ","));
        var exported = await h.ReadAsync(prefix + "part-00000.csv");

        Assert.Equal(original.Length, exported.Length);
        Assert.True(original.AsSpan().SequenceEqual(exported), "the exported CSV differs from the loaded one");
        Assert.Equal(new[] { prefix + "_SUCCESS", prefix + "part-00000.csv" }, (await h.KeysAsync(prefix)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplaceAppendAndModifyDecideWhatAViewSees()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        foreach (var name in new[] { "a1", "b1", "m1", "a2", "c1" })
        {
            await h.PutAsync($"{name}.csv", $"ticker,price,volume\n{name},1,1\n");
        }

        var a = await h.LoadAsync(dataset, h.Uri("a1.csv"));
        await h.LoadAsync(dataset, h.Uri("b1.csv"), changeType: "APPEND");
        var afterAppend = await ExportedCsvAsync(h, dataset);
        var m = await h.LoadAsync(dataset, h.Uri("m1.csv"), changeType: "MODIFY");
        var afterModify = await ExportedCsvAsync(h, dataset);
        var update = Requests.Ok(await h.Client.PutAsync($"/datasets/{dataset}/changesetsv2/{a}", new
        {
            sourceParams = new Dictionary<string, string> { ["s3SourcePath"] = h.Uri("a2.csv"), ["sourceType"] = "S3" },
            formatParams = new Dictionary<string, string> { ["formatType"] = "CSV" },
        })).Str("changesetId");
        await h.SettledChangesetAsync(dataset, update);
        var afterUpdate = await ExportedCsvAsync(h, dataset);
        await h.LoadAsync(dataset, h.Uri("c1.csv"));
        var afterReplace = await ExportedCsvAsync(h, dataset);
        var modify = Requests.Ok(await h.Client.GetAsync($"/datasets/{dataset}/changesetsv2/{m}")).Json;

        Assert.Equal("ticker,price,volume\na1,1,1\nb1,1,1\n", afterAppend);
        Assert.Equal("ticker,price,volume\na1,1,1\nm1,1,1\n", afterModify);
        Assert.Equal("ticker,price,volume\na2,1,1\nm1,1,1\n", afterUpdate);
        Assert.Equal("ticker,price,volume\nc1,1,1\n", afterReplace);
        Assert.True(modify.TryGetProperty("updatesChangesetId", out var target) && target.GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task AsOfTimestampSeesOnlyTheChangesetsActiveThen()
    {
        var clock = new ManualClock();
        await using var h = await StorageHarness.StartAsync(_moto, clock: clock);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("first.csv", "ticker,price,volume\nfirst,1,1\n");
        await h.PutAsync("second.csv", "ticker,price,volume\nsecond,2,2\n");
        await h.LoadAsync(dataset, h.Uri("first.csv"));
        var between = clock.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds();
        clock.Advance(TimeSpan.FromMinutes(1));
        await h.LoadAsync(dataset, h.Uri("second.csv"), changeType: "APPEND");
        var before = clock.GetUtcNow().AddMinutes(-2).ToUnixTimeMilliseconds();

        var asOfBetween = Text(await h.ReadAsync(await h.ExportAsync(dataset, StorageHarness.Csv(), asOfTimestamp: between) + "part-00000.csv"));
        var asOfNow = await ExportedCsvAsync(h, dataset);
        var asOfBefore = Text(await h.ReadAsync(await h.ExportAsync(dataset, StorageHarness.Csv(), asOfTimestamp: before) + "part-00000.csv"));

        Assert.Equal("ticker,price,volume\nfirst,1,1\n", asOfBetween);
        Assert.Equal("ticker,price,volume\nfirst,1,1\nsecond,2,2\n", asOfNow);
        Assert.Equal("ticker,price,volume\n", asOfBefore);
    }

    [Fact]
    public async Task ParquetGoesInAndComesOutTyped()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(["s:STRING", "c:CHAR", "i:INTEGER", "t:TINYINT", "sm:SMALLINT", "b:BIGINT", "f:FLOAT", "d:DOUBLE", "day:DATE", "at:DATETIME", "ok:BOOLEAN", "bin:BINARY"]);
        await h.PutAsync("all.csv", "s,c,i,t,sm,b,f,d,day,at,ok,bin\nx,y,1,-2,300,40000000000,1.5,2.25,2024-01-31,2024-01-31 12:34:56.5,true,AAEC/w==\n,,,,,,,,,,,\n");
        await h.LoadAsync(dataset, h.Uri("all.csv"));
        var prefix = await h.ExportAsync(dataset, StorageHarness.Parquet());
        var parquet = await h.ReadAsync(prefix + "part-00000.parquet");

        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(parquet), new ParquetOptions { UseDateOnlyTypeForDates = true }, false, TestContext.Current.CancellationToken);
        var fields = reader.Schema.GetDataFields();
        using var group = reader.OpenRowGroupReader(0);
        async Task<T?[]> Values<T>(int column) where T : struct
        {
            var values = new T?[group.RowCount];
            await group.ReadAsync<T>(fields[column], values.AsMemory(), null, TestContext.Current.CancellationToken);
            return values;
        }

        var strings = new string?[group.RowCount];
        await group.ReadAsync(fields[0], strings.AsMemory(), null, TestContext.Current.CancellationToken);
        var binary = new byte[]?[group.RowCount];
        await group.ReadAsync(fields[11], binary.AsMemory(), null, TestContext.Current.CancellationToken);

        Assert.Equal(new[] { "s", "c", "i", "t", "sm", "b", "f", "d", "day", "at", "ok", "bin" }, fields.Select(f => f.Name));
        Assert.Equal(new[] { typeof(int), typeof(sbyte), typeof(short), typeof(long), typeof(float), typeof(double), typeof(DateOnly), typeof(DateTime), typeof(bool) }, fields.Skip(2).Take(9).Select(f => f.ClrType));
        // A CSV cannot tell an empty STRING from a missing one; the emulator keeps it empty, not null.
        Assert.Equal(new[] { "x", "" }, strings);
        Assert.Equal(new int?[] { 1, null }, await Values<int>(2));
        Assert.Equal(new sbyte?[] { -2, null }, await Values<sbyte>(3));
        Assert.Equal(new long?[] { 40000000000, null }, await Values<long>(5));
        Assert.Equal(new double?[] { 2.25, null }, await Values<double>(7));
        Assert.Equal(new DateOnly?[] { new(2024, 1, 31), null }, await Values<DateOnly>(8));
        Assert.Equal(new DateTime(2024, 1, 31, 12, 34, 56, 500), (await Values<DateTime>(9))[0]!.Value.ToUniversalTime());
        Assert.Equal(new bool?[] { true, null }, await Values<bool>(10));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, binary[0]);

        // The export reads back in as a Parquet changeset with the same rows.
        var again = await h.DatasetAsync(["s:STRING", "c:CHAR", "i:INTEGER", "t:TINYINT", "sm:SMALLINT", "b:BIGINT", "f:FLOAT", "d:DOUBLE", "day:DATE", "at:DATETIME", "ok:BOOLEAN", "bin:BINARY"]);
        await h.LoadAsync(again, h.Uri(prefix + "part-00000.parquet"), new Dictionary<string, string> { ["formatType"] = "PARQUET" });
        Assert.Equal("s,c,i,t,sm,b,f,d,day,at,ok,bin\nx,y,1,-2,300,40000000000,1.5,2.25,2024-01-31,2024-01-31 12:34:56.5,true,AAEC/w==\n,,,,,,,,,,,\n", await ExportedCsvAsync(h, again));
    }

    [Fact]
    public async Task GzipAndOtherDelimitersAndNoHeaderAreWritten()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("p.csv", "ticker,price,volume\n\"A;B\",1,1\n");
        await h.LoadAsync(dataset, h.Uri("p.csv"));

        var gzipPrefix = await h.ExportAsync(dataset, StorageHarness.Csv(compression: "gzip"));
        using var gzip = new GZipStream(new MemoryStream(await h.ReadAsync(gzipPrefix + "part-00000.csv.gz")), CompressionMode.Decompress);
        using var unzipped = new StreamReader(gzip);
        var tabs = Text(await h.ReadAsync(await h.ExportAsync(dataset, StorageHarness.Csv(header: "false", delimiter: "\\t")) + "part-00000.csv"));
        var semicolons = Text(await h.ReadAsync(await h.ExportAsync(dataset, StorageHarness.Csv(delimiter: ";")) + "part-00000.csv"));

        Assert.Equal("ticker,price,volume\nA;B,1,1\n", await unzipped.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Equal("A;B\t1\t1\n", tabs);
        Assert.Equal("ticker;price;volume\n\"A;B\";1;1\n", semicolons);
    }

    [Fact]
    public async Task APartitionedSortedExportIsLaidOutHiveStyle()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(["region:STRING", "day:DATE", "ticker:STRING", "price:DOUBLE"]);
        await h.PutAsync("p.csv", "region,day,ticker,price\nEU,2024-01-02,B,10\nUS,2024-01-01,A,9.5\nEU,2024-01-01,C,100\nEU,2024-01-02,A,2\na/b,2024-01-01,Z,1\n,2024-01-01,N,3\n");
        await h.LoadAsync(dataset, h.Uri("p.csv"));

        var prefix = await h.ExportAsync(dataset, StorageHarness.Csv(), sortColumns: ["price"], partitionColumns: ["region", "day"]);
        var keys = (await h.KeysAsync(prefix)).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(new[]
        {
            "_SUCCESS",
            "region=EU/day=2024-01-01/part-00000.csv",
            "region=EU/day=2024-01-02/part-00000.csv",
            "region=US/day=2024-01-01/part-00000.csv",
            "region=__HIVE_DEFAULT_PARTITION__/day=2024-01-01/part-00000.csv",
            "region=a%2Fb/day=2024-01-01/part-00000.csv",
        }, keys);
        Assert.Equal("ticker,price\nA,2\nB,10\n", Text(await h.ReadAsync(prefix + "region=EU/day=2024-01-02/part-00000.csv")));
    }

    [Fact]
    public async Task SortingIsTypedAndABadColumnOrOptionFailsTheView()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync(Prices);
        await h.PutAsync("p.csv", "ticker,price,volume\nA,10,3\nB,9.5,1\nC,,2\nD,100,1\n");
        await h.LoadAsync(dataset, h.Uri("p.csv"));

        var sorted = Text(await h.ReadAsync(await h.ExportAsync(dataset, StorageHarness.Csv(), sortColumns: ["volume", "price"]) + "part-00000.csv"));
        var badSort = await h.SettledDataViewAsync(dataset, await h.DataViewAsync(dataset, StorageHarness.Csv(), sortColumns: ["nope"]));
        var badCompression = await h.SettledDataViewAsync(dataset, await h.DataViewAsync(dataset, StorageHarness.Csv(compression: "bzip2")));

        Assert.Equal("ticker,price,volume\nB,9.5,1\nD,100,1\nC,,2\nA,10,3\n", sorted);
        Assert.Equal("FAILED", badSort.GetProperty("status").GetString());
        Assert.Equal("VALIDATION", badSort.GetProperty("errorInfo").GetProperty("errorCategory").GetString());
        Assert.Contains("sort column 'nope'", badSort.GetProperty("errorInfo").GetProperty("errorMessage").GetString());
        Assert.Contains("compression 'bzip2'", badCompression.GetProperty("errorInfo").GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task ANonTabularViewCopiesTheFilesUnderTheirChangeset()
    {
        await using var h = await StorageHarness.StartAsync(_moto);
        var dataset = await h.DatasetAsync([], kind: "NON_TABULAR");
        await h.PutAsync("docs/readme.txt", "hello\n");
        var changeset = await h.LoadAsync(dataset, h.Uri("docs/"));

        var prefix = await h.ExportAsync(dataset, new Dictionary<string, object> { ["destinationType"] = "GLUE_TABLE" });

        Assert.Equal("hello\n", Text(await h.ReadAsync($"{prefix}{changeset}/readme.txt")));
    }
}
