using Amazon;
using Amazon.Runtime;

namespace FinSpace.Management.Transfer
{
    /// <summary>S3 stores for one resolved connection: its credentials (or the SDK's chain) and region.</summary>
    public sealed class S3ObjectStoreFactory : IObjectStoreFactory
    {
        private readonly AWSCredentials? _credentials;
        private readonly RegionEndpoint _region;

        public S3ObjectStoreFactory(AWSCredentials? credentials, RegionEndpoint region)
        {
            _credentials = credentials;
            _region = region;
        }

        public IObjectStore ForConnection(TransferOptions options) => S3ObjectStore.Create(_credentials, _region, options);

        public IObjectStore ForKeys(string accessKeyId, string secretAccessKey, string? sessionToken, TransferOptions options) =>
            S3ObjectStore.Create(
                string.IsNullOrEmpty(sessionToken) ? new BasicAWSCredentials(accessKeyId, secretAccessKey) : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken),
                _region,
                options);
    }
}
