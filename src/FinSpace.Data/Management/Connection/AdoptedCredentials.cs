using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>Credentials taken from an object, what it was, and what tells it apart in the client cache (no secret).</summary>
    public sealed class AdoptedCredentials
    {
        public AdoptedCredentials(AWSCredentials credentials, string typeName, string identity)
        {
            Credentials = credentials;
            TypeName = typeName;
            Identity = identity;
        }

        public AWSCredentials Credentials { get; }
        public string TypeName { get; }
        public string Identity { get; }
    }
}
