using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FinSpace.Data.Model;

namespace FinSpace.Emulator.Storage;

/// <summary>
/// The S3 endpoint holding working locations, changeset sources and dataview exports. S3's errors
/// become <see cref="StorageException"/>s with the ErrorCategory a job reports.
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    private readonly AmazonS3Client _s3;

    public ObjectStore(Uri endpoint)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = EmulatorCredentials.DefaultRegion,

            // Checksums only where S3 requires them: S3-compatible servers differ in the trailers they read.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        // A local S3 like moto accepts any key; the emulator's own documented test key says who is calling.
        _s3 = new AmazonS3Client(new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey), config);
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public async Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Already there from an earlier start: exactly what was wanted.
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, $"s3://{bucket}");
        }
    }

    public async Task PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(content, writable: false);
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, AutoCloseStream = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, new S3Path(bucket, key).ToString());
        }
    }

    /// <summary>The object's content, read to the end (callers decompress and parse from memory).</summary>
    public async Task<byte[]> ReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, new S3Path(bucket, key).ToString());
        }
    }

    public async Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return false;
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, new S3Path(bucket, key).ToString());
        }
    }

    /// <summary>Every key under <paramref name="prefix"/>, in S3's order (ascending UTF-8 bytes).</summary>
    public async Task<List<(string Key, long Size)>> ListAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<(string, long)>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        try
        {
            ListObjectsV2Response page;
            do
            {
                page = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.S3Objects ?? new List<S3Object>())
                {
                    keys.Add((item.Key, item.Size ?? 0));
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, $"s3://{bucket}/{prefix}");
        }

        return keys;
    }

    public async Task DeleteAsync(string bucket, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var key in keys)
            {
                await _s3.DeleteObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, $"s3://{bucket}");
        }
    }

    public void Dispose() => _s3.Dispose();

    private static StorageException Translate(AmazonServiceException e, string where) => e.ErrorCode switch
    {
        "NoSuchBucket" => new StorageException(ErrorCategory.ResourceNotFound.Value, $"The bucket of {where} does not exist.", e),
        "NoSuchKey" => new StorageException(ErrorCategory.ResourceNotFound.Value, $"{where} does not exist.", e),
        "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" => new StorageException(ErrorCategory.AccessDenied.Value, $"S3 denied access to {where} ({e.ErrorCode}).", e),
        "SlowDown" or "Throttling" => new StorageException(ErrorCategory.Throttling.Value, $"S3 throttled the request for {where}.", e),
        _ when e.StatusCode == HttpStatusCode.NotFound => new StorageException(ErrorCategory.ResourceNotFound.Value, $"{where} does not exist.", e),
        _ => new StorageException(ErrorCategory.InternalServiceException.Value, $"S3 failed for {where}: {e.ErrorCode ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}.", e),
    };
}
