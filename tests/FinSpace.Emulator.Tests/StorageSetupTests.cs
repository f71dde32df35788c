using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.S3.Model;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>With an S3 endpoint the working location exists there, and handed-out keys come from its STS.</summary>
public sealed class StorageSetupTests
{
    private readonly MotoFixture _moto;

    public StorageSetupTests(MotoFixture moto)
    {
        _moto = moto;
    }

    private static async Task<string[]> IssuedAccessKeysAsync(Uri moto)
    {
        using var http = new HttpClient();
        var state = JsonDocument.Parse(await http.GetStringAsync(new Uri(moto, "/moto-api/data.json"), TestContext.Current.CancellationToken)).RootElement;
        // moto leaves out a service it has no state for yet.
        return state.TryGetProperty("sts", out var sts) && sts.TryGetProperty("AssumedRole", out var roles)
            ? roles.EnumerateArray().Select(r => r.GetProperty("access_key_id").GetString()!).ToArray()
            : [];
    }

    [Fact]
    public async Task TheWorkingBucketAndEveryHandedOutPrefixExistInS3()
    {
        var endpoint = await _moto.EndpointAsync();
        var bucket = S3.UniqueBucket("working");
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.WorkingLocation.S3Endpoint = endpoint;
            o.WorkingLocation.Bucket = bucket;
        });
        using var client = emulator.Client();
        using var s3 = S3.Client(endpoint);

        var ingestion = Requests.Ok(await client.PostAsync("/workingLocationV1", new { locationType = "INGESTION" })).Json;
        var sagemaker = Requests.Ok(await client.PostAsync("/workingLocationV1", new { locationType = "SAGEMAKER" })).Json;
        var keys = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, TestContext.Current.CancellationToken)).S3Objects.Select(o => o.Key).ToList();
        var config = Requests.Ok(await client.GetAsync("/_emulator/config")).Json.GetProperty("workingLocation");

        Assert.Equal(bucket, ingestion.GetProperty("s3Bucket").GetString());
        Assert.Contains(ingestion.GetProperty("s3Path").GetString(), keys);
        Assert.Contains(sagemaker.GetProperty("s3Path").GetString(), keys);
        Assert.Equal($"s3://{bucket}/finspace/sagemaker/", sagemaker.GetProperty("s3Uri").GetString());
        Assert.Equal(endpoint.ToString(), config.GetProperty("s3Endpoint").GetString());
        Assert.Equal("s3", config.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task ProgrammaticAndDataViewKeysAreMintedByTheStsAndSignFinSpaceRequests()
    {
        var endpoint = await _moto.EndpointAsync();
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.WorkingLocation.S3Endpoint = endpoint;
            o.WorkingLocation.Bucket = S3.UniqueBucket("keys");
        });
        using var client = emulator.Client();
        var dataset = await client.CreateDatasetAsync();
        var dataView = Requests.Ok(await client.PostAsync($"/datasets/{dataset}/dataviewsv2", Requests.DataView())).Str("dataViewId");

        var programmatic = Requests.Ok(await client.GetAsync("/credentials/programmatic?environmentId=env1&durationInMinutes=15")).Json.GetProperty("credentials");
        var external = Requests.Ok(await client.PostAsync($"/datasets/{dataset}/dataviewsv2/{dataView}/external-access-details")).Json.GetProperty("credentials");
        var issued = await IssuedAccessKeysAsync(endpoint);
        using var asProgrammatic = emulator.Client();
        asProgrammatic.AccessKeyId = programmatic.GetProperty("accessKeyId").GetString()!;
        asProgrammatic.SecretAccessKey = programmatic.GetProperty("secretAccessKey").GetString()!;
        asProgrammatic.SessionToken = programmatic.GetProperty("sessionToken").GetString()!;
        using var asExternal = emulator.Client();
        asExternal.AccessKeyId = external.GetProperty("accessKeyId").GetString()!;
        asExternal.SecretAccessKey = external.GetProperty("secretAccessKey").GetString()!;
        asExternal.SessionToken = external.GetProperty("sessionToken").GetString()!;

        Assert.Contains(asProgrammatic.AccessKeyId, issued);
        Assert.Contains(asExternal.AccessKeyId, issued);
        Assert.Equal(HttpStatusCode.OK, (await asProgrammatic.GetAsync("/datasetsv2")).Status);
        Assert.Equal(HttpStatusCode.OK, (await asExternal.GetAsync("/datasetsv2")).Status);
    }

    [Fact]
    public async Task WithoutStorageKeysAreMadeUpAndTheLocationIsOnlyAName()
    {
        var endpoint = await _moto.EndpointAsync();
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var programmatic = Requests.Ok(await client.GetAsync("/credentials/programmatic?environmentId=env1")).Json.GetProperty("credentials");
        var config = Requests.Ok(await client.GetAsync("/_emulator/config")).Json.GetProperty("workingLocation");

        Assert.DoesNotContain(programmatic.GetProperty("accessKeyId").GetString(), await IssuedAccessKeysAsync(endpoint));
        Assert.Equal("simulated", config.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task StartMotoRunsItsOwnServerAndStopsItOnDispose()
    {
        Uri ownMoto;
        await using (var emulator = await Emulators.StartAsync(o => o.StartMoto = true))
        {
            using var client = emulator.Client();
            var config = Requests.Ok(await client.GetAsync("/_emulator/config")).Json;
            ownMoto = new Uri(config.GetProperty("workingLocation").GetProperty("s3Endpoint").GetString()!);
            using var s3 = S3.Client(ownMoto);
            var buckets = (await s3.ListBucketsAsync(TestContext.Current.CancellationToken)).Buckets.Select(b => b.BucketName);

            Assert.Contains(emulator.Options.WorkingLocation.Bucket, buckets);
            Assert.Equal(ownMoto.ToString(), config.GetProperty("stsEndpoint").GetString());
        }

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(ownMoto, "/moto-api/data.json"), TestContext.Current.CancellationToken));
    }
}
