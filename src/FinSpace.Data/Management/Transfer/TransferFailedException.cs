using System;

namespace FinSpace.Management.Transfer
{
    /// <summary>One file could not be moved; says which, why, and what was cleaned up.</summary>
    public sealed class TransferFailedException : Exception
    {
        public TransferFailedException(string errorId, string filePath, string message, Exception inner)
            : base(message, inner)
        {
            ErrorId = errorId;
            FilePath = filePath;
        }

        /// <summary>UploadFailed, DownloadFailed, …</summary>
        public string ErrorId { get; }

        /// <summary>The local file concerned.</summary>
        public string FilePath { get; }
    }
}
