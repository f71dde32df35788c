namespace FinSpace.Management.Transfer
{
    /// <summary>Makes the object store for each identity a transfer uses.</summary>
    public interface IObjectStoreFactory
    {
        /// <summary>Signed as the FinSpace requests are (the connection's own identity).</summary>
        IObjectStore ForConnection(TransferOptions options);

        /// <summary>Signed with temporary keys FinSpace handed out (a dataview's external access details).</summary>
        IObjectStore ForKeys(string accessKeyId, string secretAccessKey, string? sessionToken, TransferOptions options);
    }
}
