using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>An S3 client of the tests' own on the shared moto, to upload sources and read exports independently of the emulator.</summary>
internal static class S3
{
    public static AmazonS3Client Client(Uri endpoint) => new(
        new BasicAWSCredentials("AKIATESTUPLOADER0001", "moto-accepts-any-secret"),
        new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>A bucket name no other test uses.</summary>
    public static string UniqueBucket(string purpose) => $"fs-{purpose}-{Guid.NewGuid():N}"[..40].TrimEnd('-');

    public static async Task PutAsync(this AmazonS3Client s3, string bucket, string key, byte[] content)
    {
        using var body = new MemoryStream(content);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body }, TestContext.Current.CancellationToken);
    }

    public static async Task<byte[]> ReadAsync(this AmazonS3Client s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }
}
