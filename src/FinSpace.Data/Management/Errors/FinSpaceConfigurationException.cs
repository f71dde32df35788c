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
        }

        /// <summary>RegionNotFound, ProfileNotFound, CredentialsNotFound, InvalidEndpoint, IncompleteCredentials.</summary>
        public string ErrorId { get; }
    }
}
