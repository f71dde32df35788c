using System;

namespace FinSpace.Management.Transfer
{
    /// <summary>How files move to and from S3: where S3 is, part size, threshold, parallelism.</summary>
    public sealed class TransferOptions
    {
        public const long MiB = 1024 * 1024;

        /// <summary>S3's smallest part (every part but the last).</summary>
        public const long MinPartSize = 5 * MiB;

        /// <summary>S3's largest part.</summary>
        public const long MaxPartSize = 5L * 1024 * MiB;

        public const long DefaultPartSize = 16 * MiB;
        public const int DefaultConcurrentRequests = 4;

        /// <summary>The S3 endpoint; null = AWS_ENDPOINT_URL_S3 when set, else the region's S3 endpoint.</summary>
        public string? S3EndpointUrl { get; set; }

        /// <summary>Files at least this large are sent in parts of this size, several at a time.</summary>
        public long PartSize { get; set; } = DefaultPartSize;

        /// <summary>Requests in flight at once (parts of one file).</summary>
        public int ConcurrentRequests { get; set; } = DefaultConcurrentRequests;

        /// <summary>Fails naming the parameter when a value is outside what S3 accepts.</summary>
        public void Validate()
        {
            if (PartSize < MinPartSize || PartSize > MaxPartSize)
            {
                throw new ArgumentException($"-PartSizeMB must be between {MinPartSize / MiB} and {MaxPartSize / MiB}: S3 refuses smaller or larger parts.", "PartSizeMB");
            }

            if (ConcurrentRequests < 1 || ConcurrentRequests > 64)
            {
                throw new ArgumentException("-ConcurrentRequests must be between 1 and 64.", "ConcurrentRequests");
            }

            if (S3EndpointUrl is not null && !IsHttpUrl(S3EndpointUrl))
            {
                throw new ArgumentException($"-S3EndpointUrl must be an absolute http or https URL, not '{S3EndpointUrl}'.", "S3EndpointUrl");
            }
        }

        private static bool IsHttpUrl(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

        /// <summary>The explicit endpoint, else AWS_ENDPOINT_URL_S3 (the SDKs' service-specific endpoint variable), else null.</summary>
        public string? ResolveS3Endpoint()
        {
            if (!string.IsNullOrWhiteSpace(S3EndpointUrl))
            {
                return S3EndpointUrl;
            }

            var configured = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3");
            return string.IsNullOrWhiteSpace(configured) ? null : configured!.Trim();
        }
    }
}
