using System;
using System.IO;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// One thing a transfer has to tell the cmdlet, in the order it happened: progress, a file saved
    /// or skipped, a failure of one file (the transfer may go on), or the changeset created.
    /// </summary>
    public sealed class TransferUpdate
    {
        private TransferUpdate()
        {
        }

        public TransferProgress? Progress { get; private set; }

        /// <summary>A file written by a download.</summary>
        public FileInfo? Saved { get; private set; }

        /// <summary>A file left alone because it already holds the object's content.</summary>
        public string? Skipped { get; private set; }

        /// <summary>What failed, with the file it concerns as <see cref="FailureTarget"/>.</summary>
        public Exception? Failure { get; private set; }

        public string? FailureTarget { get; private set; }

        /// <summary>The changeset an import created.</summary>
        public string? ChangesetId { get; private set; }

        public static TransferUpdate Of(TransferProgress progress) => new TransferUpdate { Progress = progress };

        public static TransferUpdate SavedFile(FileInfo file) => new TransferUpdate { Saved = file };

        public static TransferUpdate SkippedFile(string path) => new TransferUpdate { Skipped = path };

        public static TransferUpdate Failed(Exception failure, string target) => new TransferUpdate { Failure = failure, FailureTarget = target };

        public static TransferUpdate Created(string changesetId) => new TransferUpdate { ChangesetId = changesetId };
    }
}
