using System;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using FinSpace.Data.Metadata;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// The one response unmarshaller: reads the output shape of its operation with the
    /// source-generated JSON metadata, fills status-code and header members, and turns error
    /// responses into typed exceptions. One instance per operation, created once and cached.
    /// </summary>
    internal sealed class RestJsonResponseUnmarshaller : JsonResponseUnmarshaller
    {
        private readonly OperationBinding _binding;

        public RestJsonResponseUnmarshaller(OperationBinding binding)
        {
            _binding = binding;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var typeInfo = _binding.OutputTypeInfo;
            object? result = null;
            if (!context.IsEmptyResponse)
            {
                using var body = ResponseBody.Read(context.Stream);
                if (!body.IsEmpty)
                {
                    result = JsonSerializer.Deserialize(body.Json, typeInfo);
                }
            }

            result ??= typeInfo.CreateObject!();

            var data = context.ResponseData;
            foreach (var member in _binding.StatusCodeMembers)
            {
                member.SetValue(result, (int)data.StatusCode);
            }

            foreach (var member in _binding.ResponseHeaderMembers)
            {
                if (data.IsHeaderPresent(member.LocationName))
                {
                    member.SetValue(result, member.Shape.ParseScalar(data.GetHeaderValue(member.LocationName)));
                }
            }

            return new OperationResponse(result);
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var data = context.ResponseData;
            using var body = ResponseBody.Read(context.IsEmptyResponse ? null : context.Stream);
            return ExceptionFactory.FromErrorResponse(
                statusCode,
                data.GetHeaderValue(ExceptionFactory.ErrorTypeHeader),
                data.GetHeaderValue(ExceptionFactory.RequestIdHeader),
                body.Json,
                innerException);
        }
    }
}
