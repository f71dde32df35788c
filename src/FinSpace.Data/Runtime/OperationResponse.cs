using Amazon.Runtime;

namespace FinSpace.Data.Runtime
{
    /// <summary>Carries one of our plain response objects back out of the SDK pipeline.</summary>
    internal sealed class OperationResponse : AmazonWebServiceResponse
    {
        // The SDK's InvokeAsync requires a parameterless constructor for its response type.
        public OperationResponse()
        {
        }

        public OperationResponse(object result)
        {
            Result = result;
        }

        /// <summary>The typed output of the operation; null only if the SDK made this object itself.</summary>
        public object? Result { get; }
    }
}
