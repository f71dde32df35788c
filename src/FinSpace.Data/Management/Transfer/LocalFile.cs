namespace FinSpace.Management.Transfer
{
    /// <summary>One local file to upload, and the key it gets under the upload prefix.</summary>
    public sealed class LocalFile
    {
        public LocalFile(string fullPath, string relativeKey, long length)
        {
            FullPath = fullPath;
            RelativeKey = relativeKey;
            Length = length;
        }

        /// <summary>The file on disk.</summary>
        public string FullPath { get; }

        /// <summary>Where it goes under the upload prefix ('/'-separated).</summary>
        public string RelativeKey { get; }

        /// <summary>Its size when the list was made.</summary>
        public long Length { get; }
    }
}
