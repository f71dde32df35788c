using Amazon.Runtime;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Carries one of our plain request objects through the SDK pipeline, which only accepts
    /// <see cref="AmazonWebServiceRequest"/>. Keeping the public model free of AWS base classes is
    /// what lets the cmdlet layer expose it without leaking AWSSDK types.
    /// </summary>
    internal sealed class OperationRequest : AmazonWebServiceRequest
    {
        public OperationRequest(OperationBinding binding, object body)
        {
            Binding = binding;
            Body = body;
        }

        public OperationBinding Binding { get; }

        /// <summary>The request as it goes on the wire (already filled with token and page size).</summary>
        public object Body { get; }
    }
}
