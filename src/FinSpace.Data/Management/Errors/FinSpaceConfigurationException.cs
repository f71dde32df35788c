using System;

namespace FinSpace.Management
{
    /// <summary>The connection cannot be set up (no region, unknown profile, bad endpoint): no request can succeed.</summary>
    public sealed class FinSpaceConfigurationException : InvalidOperationException
    {
        public FinSpaceConfigurationException(string errorId, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Category = errorId switch
            {
                "CredentialsNotFound" or "CredentialsNotAvailable" => FinSpaceErrorCategory.AuthenticationError,
                "ProfileNotFound" => FinSpaceErrorCategory.ObjectNotFound,
                _ => FinSpaceErrorCategory.InvalidArgument,
            };
        }

        /// <summary>AuthenticationError for missing credentials (as when the SDK's chain finds none), ObjectNotFound for an unknown profile, InvalidArgument otherwise.</summary>
        public FinSpaceErrorCategory Category { get; }

        /// <summary>RegionNotFound, ProfileNotFound, CredentialsNotFound, CredentialsNotAvailable, InvalidEndpoint, IncompleteCredentials, UnsupportedCredential.</summary>
        public string ErrorId { get; }
    }
}
