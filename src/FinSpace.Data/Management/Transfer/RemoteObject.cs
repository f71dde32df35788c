namespace FinSpace.Management.Transfer
{
    /// <summary>An object in S3 as a listing describes it.</summary>
    public sealed class RemoteObject
    {
        public RemoteObject(string key, long size, string? eTag)
        {
            Key = key;
            Size = size;
            ETag = eTag;
        }

        public string Key { get; }
        public long Size { get; }

        /// <summary>Without the quotes S3 puts around it.</summary>
        public string? ETag { get; }
    }
}
