using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FinSpace.Emulator;
using FinSpace.Management.Transfer;

namespace FinSpace.PowerShell.Tests.Core.Transfer;

/// <summary>What S3ObjectStore asks of the store: the checksum a multipart upload declares, and cleanup of every unfinished upload.</summary>
public sealed class S3ObjectStoreTests
{
    [Fact]
    public async Task AMultipartUploadToACustomEndpointDeclaresCrc32AsTheAwsCliDoes()
    {
        // moto_server, started by the in-process emulator, is the custom endpoint.
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { StartMoto = true }, TestContext.Current.CancellationToken);
        var endpoint = emulator.Options.WorkingLocation.S3Endpoint!.ToString().TrimEnd('/');
        var bucket = emulator.Options.WorkingLocation.Bucket;
        using var scratch = new ScratchFolder();
        var file = Path.Combine(scratch.Path, "prices.csv");
        await File.WriteAllBytesAsync(file, Enumerable.Range(0, (int)(6 * TransferOptions.MiB)).Select(i => (byte)('a' + (i % 26))).ToArray(), TestContext.Current.CancellationToken);
        var options = new TransferOptions { S3EndpointUrl = endpoint, PartSize = TransferOptions.MinPartSize };
        var credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);

        using (var store = S3ObjectStore.Create(credentials, RegionEndpoint.USEast1, options))
        {
            await store.UploadAsync(bucket, "in/prices.csv", file, _ => { }, TestContext.Current.CancellationToken);
        }

        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "in/prices.csv", ChecksumMode = ChecksumMode.ENABLED }, TestContext.Current.CancellationToken);
        Assert.EndsWith("-2", head.ETag.Trim('"')); // two parts: the multipart path ran
        // Declared no algorithm, moto falls back to a full-object CRC64NVME computed when the upload completes.
        Assert.False(string.IsNullOrEmpty(head.ChecksumCRC32), "the completed object has no CRC32: the upload declared no algorithm");
        Assert.True(string.IsNullOrEmpty(head.ChecksumCRC64NVME), "moto computed its default CRC64NVME: " + head.ChecksumCRC64NVME);
    }

    [Fact]
    public async Task DeletingAPrefixAbortsUnfinishedUploadsOnEveryPageOfTheListing()
    {
        var s3 = DispatchProxy.Create<IAmazonS3, PagedUploadsS3>();
        var fake = (PagedUploadsS3)(object)s3;
        fake.Pages = 3;
        var store = new S3ObjectStore(s3, new TransferOptions());

        var deleted = await store.DeletePrefixAsync("bucket", "in/", TestContext.Current.CancellationToken);

        Assert.Equal(0, deleted);
        Assert.Equal(new[] { "upload-1", "upload-2", "upload-3" }, fake.Aborted);
        Assert.Equal(new[] { null, "key-1", "key-2" }, fake.KeyMarkersAsked);
    }

    /// <summary>
    /// An S3 client that lists one unfinished upload per page for <see cref="Pages"/> pages, records
    /// each abort, and holds no objects. Any other call fails the test.
    /// </summary>
    public class PagedUploadsS3 : DispatchProxy
    {
        public int Pages { get; set; }

        public List<string> Aborted { get; } = new();

        public List<string?> KeyMarkersAsked { get; } = new();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (args is not { Length: > 0 })
            {
                return null; // property reads and Dispose by the TransferUtility the store builds
            }

            switch (targetMethod!.Name, args[0])
            {
                case ("ListMultipartUploadsAsync", ListMultipartUploadsRequest list):
                    KeyMarkersAsked.Add(list.KeyMarker);
                    var page = KeyMarkersAsked.Count;
                    return Task.FromResult(new ListMultipartUploadsResponse
                    {
                        MultipartUploads = new List<MultipartUpload> { new() { Key = $"in/key-{page}", UploadId = $"upload-{page}" } },
                        IsTruncated = page < Pages,
                        NextKeyMarker = $"key-{page}",
                        NextUploadIdMarker = $"upload-{page}",
                    });
                case ("AbortMultipartUploadAsync", AbortMultipartUploadRequest abort):
                    Aborted.Add(abort.UploadId);
                    return Task.FromResult(new AbortMultipartUploadResponse());
                case ("ListObjectsV2Async", ListObjectsV2Request):
                    return Task.FromResult(new ListObjectsV2Response { IsTruncated = false });
                default:
                    throw new Xunit.Sdk.XunitException($"S3ObjectStore called {targetMethod.Name}, which this test does not expect.");
            }
        }
    }
}
