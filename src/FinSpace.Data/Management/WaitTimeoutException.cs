using System;

namespace FinSpace.Management
{
    /// <summary>A resource did not reach a final status within the wait's timeout.</summary>
    public sealed class WaitTimeoutException : TimeoutException
    {
        public WaitTimeoutException(string resourceId, string? lastStatus, TimeSpan timeout)
            : base($"{resourceId} did not reach a final status within {timeout}; its last status was {lastStatus ?? "unknown"}.")
        {
            ResourceId = resourceId;
            LastStatus = lastStatus;
        }

        public string ResourceId { get; }
        public string? LastStatus { get; }
    }
}
