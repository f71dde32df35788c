using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.S3;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>
/// An emulator whose storage is the shared moto, with its own bucket, a signed API client and an
/// independent S3 client: upload sources, create datasets with schemas, wait for jobs to settle.
/// </summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    private StorageHarness(FinSpaceEmulator emulator, Uri endpoint, string bucket, TimeProvider? clock)
    {
        Emulator = emulator;
        Endpoint = endpoint;
        Bucket = bucket;
        Client = emulator.Client(clock);
        S3 = Infrastructure.S3.Client(endpoint);
    }

    public FinSpaceEmulator Emulator { get; }
    public Uri Endpoint { get; }
    public string Bucket { get; }
    public ApiClient Client { get; }
    public AmazonS3Client S3 { get; }

    public static async Task<StorageHarness> StartAsync(MotoFixture moto, Action<EmulatorOptions>? configure = null, string? bucket = null, TimeProvider? clock = null)
    {
        var endpoint = await moto.EndpointAsync();
        bucket ??= Infrastructure.S3.UniqueBucket("data");
        var emulator = await Emulators.StartAsync(o =>
        {
            o.WorkingLocation.S3Endpoint = endpoint;
            o.WorkingLocation.Bucket = bucket;
            if (clock is not null)
            {
                o.TimeProvider = clock;
            }

            configure?.Invoke(o);
        });
        return new StorageHarness(emulator, endpoint, bucket, clock);
    }

    public string Uri(string key) => $"s3://{Bucket}/{key}";

    public Task PutAsync(string key, string text) => S3.PutAsync(Bucket, key, Encoding.UTF8.GetBytes(text));

    public Task PutAsync(string key, byte[] content) => S3.PutAsync(Bucket, key, content);

    public Task<byte[]> ReadAsync(string key) => S3.ReadAsync(Bucket, key);

    public async Task<List<string>> KeysAsync(string prefix) =>
        (await S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Bucket, Prefix = prefix }, TestContext.Current.CancellationToken)).S3Objects?.Select(o => o.Key).ToList() ?? new List<string>();

    /// <summary>A TABULAR dataset with these columns ("name:TYPE") and primary key; no columns means no schema.</summary>
    public async Task<string> DatasetAsync(string[] columns, string[]? primaryKey = null, string kind = "TABULAR")
    {
        var body = new Dictionary<string, object>
        {
            ["datasetTitle"] = "Storage test",
            ["kind"] = kind,
            ["permissionGroupParams"] = new Dictionary<string, object>(),
        };
        if (columns.Length > 0)
        {
            body["schemaDefinition"] = new
            {
                tabularSchemaConfig = new
                {
                    columns = columns.Select(c => c.Split(':')).Select(p => new { columnName = p[0], dataType = p[1] }).ToArray(),
                    primaryKeyColumns = primaryKey ?? [],
                },
            };
        }

        return Requests.Ok(await Client.PostAsync("/datasetsv2", body)).Str("datasetId");
    }

    public async Task<string> ChangesetAsync(string datasetId, string sourcePath, Dictionary<string, string>? format = null, string changeType = "REPLACE")
    {
        var body = new Dictionary<string, object>
        {
            ["changeType"] = changeType,
            ["sourceParams"] = new Dictionary<string, string> { ["s3SourcePath"] = sourcePath, ["sourceType"] = "S3" },
            ["formatParams"] = format ?? new Dictionary<string, string> { ["formatType"] = "CSV" },
        };
        return Requests.Ok(await Client.PostAsync($"/datasets/{datasetId}/changesetsv2", body)).Str("changesetId");
    }

    /// <summary>The changeset once its ingestion has settled (SUCCESS or FAILED).</summary>
    public Task<JsonElement> SettledChangesetAsync(string datasetId, string changesetId) =>
        SettledAsync($"/datasets/{datasetId}/changesetsv2/{changesetId}", "SUCCESS", "FAILED");

    public async Task<string> LoadAsync(string datasetId, string sourcePath, Dictionary<string, string>? format = null, string changeType = "REPLACE")
    {
        var id = await ChangesetAsync(datasetId, sourcePath, format, changeType);
        var settled = await SettledChangesetAsync(datasetId, id);
        Assert.True(settled.GetProperty("status").GetString() == "SUCCESS", $"ingestion failed: {settled}");
        return id;
    }

    public async Task<string> DataViewAsync(string datasetId, object destinationTypeParams, string[]? sortColumns = null, string[]? partitionColumns = null, long? asOfTimestamp = null)
    {
        var body = new Dictionary<string, object> { ["destinationTypeParams"] = destinationTypeParams, ["autoUpdate"] = false };
        if (sortColumns is not null)
        {
            body["sortColumns"] = sortColumns;
        }

        if (partitionColumns is not null)
        {
            body["partitionColumns"] = partitionColumns;
        }

        if (asOfTimestamp is not null)
        {
            body["asOfTimestamp"] = asOfTimestamp.Value;
        }

        return Requests.Ok(await Client.PostAsync($"/datasets/{datasetId}/dataviewsv2", body)).Str("dataViewId");
    }

    public Task<JsonElement> SettledDataViewAsync(string datasetId, string dataViewId) =>
        SettledAsync($"/datasets/{datasetId}/dataviewsv2/{dataViewId}", "SUCCESS", "FAILED", "FAILED_CLEANUP_FAILED");

    /// <summary>Exports and returns the S3 prefix GetExternalDataViewAccessDetails names, checking the view succeeded.</summary>
    public async Task<string> ExportAsync(string datasetId, object destinationTypeParams, string[]? sortColumns = null, string[]? partitionColumns = null, long? asOfTimestamp = null)
    {
        var id = await DataViewAsync(datasetId, destinationTypeParams, sortColumns, partitionColumns, asOfTimestamp);
        var settled = await SettledDataViewAsync(datasetId, id);
        Assert.True(settled.GetProperty("status").GetString() == "SUCCESS", $"export failed: {settled}");
        var location = Requests.Ok(await Client.PostAsync($"/datasets/{datasetId}/dataviewsv2/{id}/external-access-details")).Json.GetProperty("s3Location");
        Assert.Equal(Bucket, location.GetProperty("bucket").GetString());
        return location.GetProperty("key").GetString()!;
    }

    public static object Csv(string header = "true", string delimiter = ",", string? compression = null) => new Dictionary<string, object>
    {
        ["destinationType"] = "S3",
        ["s3DestinationExportFileFormat"] = "DELIMITED_TEXT",
        ["s3DestinationExportFileFormatOptions"] = compression is null
            ? new Dictionary<string, string> { ["header"] = header, ["delimiter"] = delimiter }
            : new Dictionary<string, string> { ["header"] = header, ["delimiter"] = delimiter, ["compression"] = compression },
    };

    public static object Parquet() => new Dictionary<string, object> { ["destinationType"] = "S3", ["s3DestinationExportFileFormat"] = "PARQUET" };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        S3.Dispose();
        await Emulator.DisposeAsync();
    }

    private async Task<JsonElement> SettledAsync(string path, params string[] terminal)
    {
        // Jobs run in real time; the bound only keeps a broken job from hanging the suite.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var json = Requests.Ok(await Client.GetAsync(path)).Json;
            if (terminal.Contains(json.GetProperty("status").GetString()))
            {
                return json;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"{path} did not settle: {json}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
