using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// The object store on AWSSDK.S3: uploads and downloads through TransferUtility (multipart with
    /// parallel parts at and above the part size), listings and cleanup through the client.
    /// </summary>
    public sealed class S3ObjectStore : IObjectStore
    {
        private readonly IAmazonS3 _s3;
        private readonly TransferUtility _transfer;
        private readonly TransferOptions _options;
        private readonly ChecksumAlgorithm? _declaredChecksum;

        /// <param name="s3">The client every request goes through.</param>
        /// <param name="options">Part size and parts in flight.</param>
        /// <param name="declaredChecksum">The checksum every upload declares (null: the SDK's default).</param>
        public S3ObjectStore(IAmazonS3 s3, TransferOptions options, ChecksumAlgorithm? declaredChecksum = null)
        {
            _s3 = s3;
            _options = options;
            _declaredChecksum = declaredChecksum;
            _transfer = new TransferUtility(s3, new TransferUtilityConfig
            {
                ConcurrentServiceRequests = options.ConcurrentRequests,
                MinSizeBeforePartUpload = options.PartSize,
            });
        }

        /// <summary>
        /// An S3 client signed like the FinSpace client (same credentials, region), at the endpoint the
        /// options resolve. A custom endpoint (moto, MinIO, a VPC endpoint by IP) gets path-style
        /// addressing, because bucket-named hosts do not resolve there.
        /// </summary>
        public static S3ObjectStore Create(AWSCredentials? credentials, RegionEndpoint region, TransferOptions options)
        {
            var config = new AmazonS3Config { RegionEndpoint = region };
            ChecksumAlgorithm? declaredChecksum = null;
            if (options.ResolveS3Endpoint() is { } endpoint)
            {
                config.ServiceURL = endpoint;
                config.ForcePathStyle = true;
                config.AuthenticationRegion = region.SystemName;
                UseLocalStoreSettings(config);
                declaredChecksum = LocalStoreChecksum;
            }

            var client = credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
            return new S3ObjectStore(client, options, declaredChecksum);
        }

        /// <summary>
        /// For an S3-compatible store at a custom endpoint (moto_server, MinIO): no optional CRC32 on
        /// uploads, and no wait for "100 Continue". Over plain HTTP the SDK would send the checksum in
        /// a signed aws-chunked trailer, which such stores decode slowly, and it asks every PUT to wait
        /// for a "100 Continue" they never send (HttpClient then waits its full second per part).
        /// Measured on 256 MB into moto: 4.4-5.7 s with the SDK's defaults, 1.8-2.6 s without, against
        /// 1.9-4.7 s for aws s3 cp (benchmarks/results/upload.md). Amazon S3 itself keeps the SDK's
        /// defaults: checksums on, and it answers 100-continue at once.
        /// </summary>
        internal static void UseLocalStoreSettings(AmazonS3Config config)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
#if NET8_0_OR_GREATER
            config.HttpClientFactory = new NoWaitForContinueHttpClientFactory();
#endif
        }

        /// <summary>
        /// What multipart uploads to a custom endpoint declare: CRC32, as the AWS CLI does. A multipart upload
        /// created without an algorithm makes moto_server compute its own default, a full-object
        /// CRC64NVME in Python over the whole object when the upload completes; with CRC32 declared
        /// (and no part checksums sent, see <see cref="UseLocalStoreSettings"/>) it combines per-part
        /// CRC32s instead. Measured on 512 MB, from moto's own request log: completing took 4.8-8.1 s
        /// without, 1.8-2.6 s with (the CLI's: 1.0-1.4 s); benchmarks/results/upload.md.
        /// </summary>
        internal static readonly ChecksumAlgorithm LocalStoreChecksum = ChecksumAlgorithm.CRC32;

        public async Task UploadAsync(string bucket, string key, string filePath, Action<long> bytesSent, CancellationToken cancellationToken)
        {
            var request = new TransferUtilityUploadRequest
            {
                BucketName = bucket,
                Key = key,
                FilePath = filePath,
                PartSize = _options.PartSize,
            };
            // Only a multipart upload (TransferUtility's choice at and above the part size) needs it.
            if (_declaredChecksum is not null && new System.IO.FileInfo(filePath).Length >= _options.PartSize)
            {
                request.ChecksumAlgorithm = _declaredChecksum;
            }

            long reported = 0;
            request.UploadProgressEvent += (_, e) =>
            {
                // Parts report from several threads; pass on only the growth of the total.
                long now = e.TransferredBytes, before;
                do
                {
                    before = Interlocked.Read(ref reported);
                    if (now <= before)
                    {
                        return;
                    }
                }
                while (Interlocked.CompareExchange(ref reported, now, before) != before);

                bytesSent(now - before);
            };
            await _transfer.UploadAsync(request, cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<RemoteObject>> ListAsync(string bucket, string prefix, CancellationToken cancellationToken)
        {
            var objects = new List<RemoteObject>();
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
            ListObjectsV2Response response;
            do
            {
                response = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                foreach (var item in response.S3Objects ?? new List<S3Object>())
                {
                    objects.Add(new RemoteObject(item.Key, item.Size ?? 0, item.ETag?.Trim('"')));
                }

                request.ContinuationToken = response.NextContinuationToken;
            }
            while (response.IsTruncated == true);

            return objects.OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        }

        public async Task DownloadAsync(string bucket, string key, string filePath, Action<long> bytesReceived, CancellationToken cancellationToken)
        {
            var request = new TransferUtilityDownloadRequest { BucketName = bucket, Key = key, FilePath = filePath };
            long reported = 0;
            request.WriteObjectProgressEvent += (_, e) =>
            {
                var delta = e.TransferredBytes - Interlocked.Exchange(ref reported, e.TransferredBytes);
                if (delta > 0)
                {
                    bytesReceived(delta);
                }
            };
            await _transfer.DownloadAsync(request, cancellationToken).ConfigureAwait(false);
        }

        public async Task<int> DeletePrefixAsync(string bucket, string prefix, CancellationToken cancellationToken)
        {
            // Unfinished multipart uploads hold stored parts (and cost) until aborted.
            // Every page of them: a listing returns at most 1,000 uploads.
            var listing = new ListMultipartUploadsRequest { BucketName = bucket, Prefix = prefix };
            ListMultipartUploadsResponse uploads;
            do
            {
                uploads = await _s3.ListMultipartUploadsAsync(listing, cancellationToken).ConfigureAwait(false);
                foreach (var upload in uploads.MultipartUploads ?? new List<MultipartUpload>())
                {
                    await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken).ConfigureAwait(false);
                }

                listing.KeyMarker = uploads.NextKeyMarker;
                listing.UploadIdMarker = uploads.NextUploadIdMarker;
            }
            while (uploads.IsTruncated == true);

            var objects = await ListAsync(bucket, prefix, cancellationToken).ConfigureAwait(false);
            foreach (var batch in objects.Select((o, i) => (o, i)).GroupBy(x => x.i / 1000, x => x.o))
            {
                await _s3.DeleteObjectsAsync(
                    new DeleteObjectsRequest { BucketName = bucket, Objects = batch.Select(o => new KeyVersion { Key = o.Key }).ToList() },
                    cancellationToken).ConfigureAwait(false);
            }

            return objects.Count;
        }

        public void Dispose()
        {
            _transfer.Dispose();
            _s3.Dispose();
        }
    }
}
