using System;
using System.Net;
using Amazon.Runtime;

namespace FinSpace.Data.Model
{
    /// <summary>
    /// An error returned by the FinSpace Data service. Modeled errors have their own subclasses
    /// (<see cref="ResourceNotFoundException"/>, …); anything else (a signature error, say) is this
    /// class, still typed by <see cref="AmazonServiceException.ErrorCode"/>.
    /// </summary>
    public class FinSpaceDataServiceException : AmazonServiceException
    {
        public FinSpaceDataServiceException(string message, Exception? innerException, ErrorType errorType, string errorCode, string? requestId, HttpStatusCode statusCode, string? reason)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
            Reason = reason;
        }

        /// <summary>The <c>reason</c> member the service adds to some errors (Validation, Conflict, ResourceNotFound).</summary>
        public string? Reason { get; }
    }
}
