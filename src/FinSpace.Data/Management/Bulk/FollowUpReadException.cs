using System;

namespace FinSpace.Management.Bulk
{
    /// <summary>
    /// The change was made (a create or update succeeded), but reading the resource back afterwards
    /// failed even after retries. Reported as what it is, never as a failed change: scripts can tell
    /// by the ErrorId (<c>CreatedButNotRead</c>, <c>ChangedButNotRead</c>) and find the id in
    /// <see cref="ResourceId"/> (also the ErrorRecord's TargetObject).
    /// </summary>
    public sealed class FollowUpReadException : Exception
    {
        public FollowUpReadException(string errorId, string resourceId, string what, Exception innerException)
            : base($"{what} {resourceId} succeeded, but reading it back afterwards failed: {innerException.Message}", innerException)
        {
            ErrorId = errorId;
            ResourceId = resourceId;
        }

        public string ErrorId { get; }

        public string ResourceId { get; }
    }
}
