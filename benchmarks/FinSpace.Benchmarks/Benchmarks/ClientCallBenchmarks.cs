using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data;
using FinSpace.Data.Model;

namespace FinSpace.Benchmarks.Benchmarks;

/// <summary>
/// What one call costs the caller on loopback, warm, with the server doing nothing but copying bytes
/// (<see cref="FixedResponseServer"/>, in another process so that its allocations are not counted):
/// our client (reused, and created per call) against a raw HttpClient request of the same bytes.
/// The difference is the AWSSDK.Core pipeline plus our marshalling: docs/design/awssdk-core-client.md records about 150 µs and
/// 26.5 KB for the pipeline against about 55 µs and 3.4 KB for a raw GET.
/// </summary>
[SimpleJob(warmupCount: 5, iterationCount: 40)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientCallBenchmarks
{
    private ChildServer? _server;
    private FinSpaceDataClient? _client;
    private HttpClient? _http;
    private Uri? _endpoint;
    private Uri? _datasetUri;
    private Uri? _createUri;
    private byte[] _rawCreateBody = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        HermeticAwsEnvironment.Apply();
        _server = ChildServer.Start(SelfProcess.StartInfo(FixedResponseServer.Mode), "listening ", TimeSpan.FromSeconds(30));
        _endpoint = _server.BaseAddress;
        _datasetUri = new Uri(_endpoint, "datasetsv2/" + CannedResponses.DatasetId);
        _createUri = new Uri(_endpoint, "datasetsv2");
        _client = EmulatorClients.Create(_endpoint);
        _http = new HttpClient();

        // The raw POST sends what our client sends for the same request (captured once), so both
        // write the same bytes; only the framing around them differs.
        _rawCreateBody = Encoding.UTF8.GetBytes(
            "{\"clientToken\":\"" + Guid.NewGuid() + "\",\"datasetTitle\":\"Equity prices\",\"kind\":\"TABULAR\"," +
            "\"datasetDescription\":\"Daily equity closing prices\",\"permissionGroupParams\":{\"permissionGroupId\":\"benchmarks\"}," +
            "\"alias\":\"alias/equities\",\"schemaDefinition\":{\"tabularSchemaConfig\":{\"columns\":[" +
            "{\"dataType\":\"STRING\",\"columnName\":\"ticker\",\"columnDescription\":\"Exchange ticker\"}," +
            "{\"dataType\":\"DOUBLE\",\"columnName\":\"price\",\"columnDescription\":\"Close\"}," +
            "{\"dataType\":\"DATE\",\"columnName\":\"traded\",\"columnDescription\":\"Trade date\"}],\"primaryKeyColumns\":[\"ticker\"]}}}");

        // A wrong answer would make every number meaningless: check once before measuring.
        var dataset = ClientGetDataset().GetAwaiter().GetResult();
        if (dataset.DatasetId != CannedResponses.DatasetId || dataset.SchemaDefinition?.TabularSchemaConfig?.Columns?.Count != 3)
        {
            throw new InvalidOperationException("The fixed server's GetDataset answer did not parse as expected.");
        }

        if (ClientCreateDataset().GetAwaiter().GetResult().DatasetId != CannedResponses.DatasetId)
        {
            throw new InvalidOperationException("The fixed server's CreateDataset answer did not parse as expected.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _http?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient GET")]
    [BenchmarkCategory("GetDataset")]
    public Task<byte[]> RawHttpClientGet() => _http!.GetByteArrayAsync(_datasetUri);

    [Benchmark(Description = "client.GetDatasetAsync (reused client)")]
    [BenchmarkCategory("GetDataset")]
    public Task<GetDatasetResponse> ClientGetDataset() =>
        _client!.GetDatasetAsync(new GetDatasetRequest { DatasetId = CannedResponses.DatasetId });

    [Benchmark(Description = "new client per call + GetDatasetAsync")]
    [BenchmarkCategory("GetDataset")]
    public async Task<GetDatasetResponse> ClientPerCallGetDataset()
    {
        using var client = EmulatorClients.Create(_endpoint!);
        return await client.GetDatasetAsync(new GetDatasetRequest { DatasetId = CannedResponses.DatasetId }).ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient POST")]
    [BenchmarkCategory("CreateDataset")]
    public async Task<byte[]> RawHttpClientPost()
    {
        using var content = new ByteArrayContent(_rawCreateBody);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http!.PostAsync(_createUri, content).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    /// <summary>ClientToken is left null, as the cmdlets leave it: the client fills a fresh GUID on a copy.</summary>
    [Benchmark(Description = "client.CreateDatasetAsync (reused client)")]
    [BenchmarkCategory("CreateDataset")]
    public Task<CreateDatasetResponse> ClientCreateDataset() => _client!.CreateDatasetAsync(NewCreateRequest());

    private static CreateDatasetRequest NewCreateRequest() => new()
    {
        DatasetTitle = "Equity prices",
        Kind = DatasetKind.Tabular,
        DatasetDescription = "Daily equity closing prices",
        Alias = "alias/equities",
        PermissionGroupParams = new PermissionGroupParams { PermissionGroupId = "benchmarks" },
        SchemaDefinition = new SchemaUnion
        {
            TabularSchemaConfig = new SchemaDefinition
            {
                Columns = new List<ColumnDefinition>
                {
                    new() { DataType = ColumnDataType.String, ColumnName = "ticker", ColumnDescription = "Exchange ticker" },
                    new() { DataType = ColumnDataType.Double, ColumnName = "price", ColumnDescription = "Close" },
                    new() { DataType = ColumnDataType.Date, ColumnName = "traded", ColumnDescription = "Trade date" },
                },
                PrimaryKeyColumns = new List<string> { "ticker" },
            },
        },
    };
}
