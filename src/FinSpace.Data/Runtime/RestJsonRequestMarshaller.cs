using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using FinSpace.Data.Metadata;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// The one marshaller for every operation: turns an <see cref="OperationRequest"/> into an HTTP
    /// request the way the model's rest-json protocol (and botocore) lays it out.
    /// </summary>
    /// <remarks>
    /// The SDK calls a marshaller once per logical call, outside its retry loop, so the body built
    /// here — idempotency token included — is the one every attempt sends and signs.
    /// </remarks>
    internal sealed class RestJsonRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public const string ContentType = "application/x-amz-json-1.1";
        public const string ApiVersionHeader = "X-Amz-Api-Version";
        public const string ServiceName = "FinSpaceData";

        public static readonly RestJsonRequestMarshaller Instance = new RestJsonRequestMarshaller();

        private RestJsonRequestMarshaller()
        {
        }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var call = (OperationRequest)input;
            var binding = call.Binding;
            var body = call.Body;
            var operation = binding.Operation;

            var request = new DefaultRequest(call, ServiceName)
            {
                HttpMethod = operation.HttpMethod,
                ResourcePath = operation.RequestUri,
                // Query members always travel in the URL, even on POST/PUT, where the SDK would
                // otherwise move Parameters into a form body.
                UseQueryString = true,
            };
            request.Headers[ApiVersionHeader] = ServiceModel.ApiVersion;

            // The SDK percent-encodes each label as one segment (RFC 3986 unreserved characters kept,
            // '/' encoded), which is the rest-json rule for non-greedy labels. The one label encoding
            // cannot keep in its segment is a dot segment ('.', '..': System.Uri and servers resolve
            // it, %2E included), so ModelValidator refuses those before a request is built.
            foreach (var label in binding.UriLabels)
            {
                var value = label.Value.GetValue(body);
                request.AddPathResource(label.Key, value is null ? string.Empty : Shape.FormatScalar(value));
            }

            foreach (var member in binding.QueryMembers)
            {
                var value = member.GetValue(body);
                if (value is not null)
                {
                    request.Parameters.Add(member.LocationName, Shape.FormatScalar(value));
                }
            }

            foreach (var member in binding.HeaderMembers)
            {
                var value = member.GetValue(body);
                if (value is not null)
                {
                    request.Headers[member.LocationName] = Shape.FormatScalar(value);
                }
            }

            // botocore's rule: an input with body members always sends a JSON object ("{}" when every
            // body member is null); an input without body members sends no body at all.
            if (binding.HasBody)
            {
                request.Content = JsonSerializer.SerializeToUtf8Bytes(body, binding.InputTypeInfo);
                // Only with a body: HttpClient drops Content-Type from a request without content, and
                // a header that is signed but not sent makes the service reject the signature.
                request.Headers["Content-Type"] = ContentType;
            }

            return request;
        }
    }
}
