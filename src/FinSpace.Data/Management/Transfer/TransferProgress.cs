using System;

namespace FinSpace.Management.Transfer
{
    /// <summary>Where a transfer stands: bytes, rate, time left, the file being moved.</summary>
    public sealed class TransferProgress
    {
        public TransferProgress(string activity, string? currentFile, int filesDone, int filesTotal, long bytesDone, long bytesTotal, double bytesPerSecond, TimeSpan? remaining)
        {
            Activity = activity;
            CurrentFile = currentFile;
            FilesDone = filesDone;
            FilesTotal = filesTotal;
            BytesDone = bytesDone;
            BytesTotal = bytesTotal;
            BytesPerSecond = bytesPerSecond;
            Remaining = remaining;
        }

        public string Activity { get; }
        public string? CurrentFile { get; }
        public int FilesDone { get; }
        public int FilesTotal { get; }
        public long BytesDone { get; }
        public long BytesTotal { get; }
        public double BytesPerSecond { get; }
        public TimeSpan? Remaining { get; }

        public int PercentComplete => BytesTotal <= 0 ? (FilesTotal == 0 ? 100 : FilesDone * 100 / FilesTotal) : (int)Math.Min(100, BytesDone * 100 / BytesTotal);

        /// <summary>e.g. "12.0 MB of 40.0 MB (2 of 5 files) at 35.2 MB/s".</summary>
        public string Describe() =>
            $"{Megabytes(BytesDone)} of {Megabytes(BytesTotal)} ({FilesDone} of {FilesTotal} files)" +
            (BytesPerSecond > 0 ? $" at {Megabytes((long)BytesPerSecond)}/s" : string.Empty);

        private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
    }
}
