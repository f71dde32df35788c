using System;

namespace FinSpace.Management
{
    /// <summary>An exception as a cmdlet should report it.</summary>
    public sealed class ClassifiedError
    {
        public ClassifiedError(Exception exception, string errorId, FinSpaceErrorCategory category, string message, bool isTerminating)
        {
            Exception = exception;
            ErrorId = errorId;
            Category = category;
            Message = message;
            IsTerminating = isTerminating;
        }

        public Exception Exception { get; }

        /// <summary>A stable id scripts can match on: the service error code, or one of ours.</summary>
        public string ErrorId { get; }

        public FinSpaceErrorCategory Category { get; }

        /// <summary>What went wrong, with the error code, HTTP status and AWS request id when there is one.</summary>
        public string Message { get; }

        /// <summary>True when nothing further can succeed (no credentials, no region, unreachable endpoint).</summary>
        public bool IsTerminating { get; }
    }
}
