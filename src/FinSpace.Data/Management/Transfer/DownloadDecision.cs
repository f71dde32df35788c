using System.IO;

namespace FinSpace.Management.Transfer
{
    /// <summary>What to do with one object of a dataview, given what is already at its local path.</summary>
    public enum DownloadAction
    {
        /// <summary>Nothing is there: download.</summary>
        Download,

        /// <summary>The same bytes are there (size and ETag agree): leave it.</summary>
        Skip,

        /// <summary>Different bytes are there and -Force was given: replace.</summary>
        Replace,

        /// <summary>Different bytes are there without -Force, or a folder is in the way: an error for this file.</summary>
        Conflict,
    }

    /// <summary>The skip rule of Save-FSDataView, in one place.</summary>
    public static class DownloadDecision
    {
        public static DownloadAction For(RemoteObject remote, string localPath, bool force, long partSize = TransferOptions.DefaultPartSize)
        {
            if (Directory.Exists(localPath))
            {
                return DownloadAction.Conflict;
            }

            if (!File.Exists(localPath))
            {
                return DownloadAction.Download;
            }

            if (ETagComparer.IsIdentical(localPath, remote.Size, remote.ETag, partSize))
            {
                return DownloadAction.Skip;
            }

            return force ? DownloadAction.Replace : DownloadAction.Conflict;
        }
    }
}
