using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management.Transfer
{
    /// <summary>The few S3 operations a transfer needs; S3ObjectStore is the real one, tests use their own.</summary>
    public interface IObjectStore : IDisposable
    {
        /// <summary>Uploads one file (in parallel parts above the part size), reporting bytes sent as they go.</summary>
        Task UploadAsync(string bucket, string key, string filePath, Action<long> bytesSent, CancellationToken cancellationToken);

        /// <summary>Every object under the prefix, in key order.</summary>
        Task<IReadOnlyList<RemoteObject>> ListAsync(string bucket, string prefix, CancellationToken cancellationToken);

        /// <summary>Downloads one object to a file (created or replaced), reporting bytes received.</summary>
        Task DownloadAsync(string bucket, string key, string filePath, Action<long> bytesReceived, CancellationToken cancellationToken);

        /// <summary>Deletes every object under the prefix and aborts its unfinished multipart uploads; returns how many objects were deleted.</summary>
        Task<int> DeletePrefixAsync(string bucket, string prefix, CancellationToken cancellationToken);
    }
}
