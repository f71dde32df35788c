using System;
using System.Globalization;
using System.Net;
using Amazon.Runtime;
using FinSpace.Data.Model;

namespace FinSpace.Data.Runtime
{
    internal static partial class ExceptionFactory
    {
        internal const string ErrorTypeHeader = "x-amzn-ErrorType";
        internal const string RequestIdHeader = "x-amzn-RequestId";

        /// <summary>
        /// The exception for an error response: the modeled type for a modeled code, otherwise
        /// <see cref="FinSpaceDataServiceException"/> keeping the code the service sent (for example
        /// <c>InvalidSignatureException</c>). The code must be right: the SDK decides whether to retry
        /// a throttling error by its code, not by the 429 status (docs/design/awssdk-core-client.md, gotcha 4).
        /// </summary>
        /// <param name="status">The HTTP status of the response.</param>
        /// <param name="errorTypeHeader">The <c>x-amzn-ErrorType</c> header, which wins over the body.</param>
        /// <param name="requestId">The <c>x-amzn-RequestId</c> header.</param>
        /// <param name="body">The response body (may be empty or not JSON).</param>
        /// <param name="innerException">What the SDK caught, kept for diagnosis.</param>
        public static FinSpaceDataServiceException FromErrorResponse(
            HttpStatusCode status,
            string? errorTypeHeader,
            string? requestId,
            ReadOnlySpan<byte> body,
            Exception? innerException)
        {
            var document = ErrorDocument.Parse(body);
            // botocore's order: the header names the error, the body only when the header is absent;
            // with neither, the status code is all there is.
            var code = ErrorDocument.NormalizeCode(errorTypeHeader)
                ?? document.Code
                ?? ((int)status).ToString(CultureInfo.InvariantCulture);
            var message = string.IsNullOrEmpty(document.Message)
                ? $"The FinSpace Data service returned HTTP {(int)status} ({code})."
                : document.Message!;
            var errorType = (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
            var id = string.IsNullOrEmpty(requestId) ? null : requestId;

            return Modeled.TryGetValue(code, out var create)
                ? create(message, innerException, errorType, code, id, status, document.Reason)
                : new FinSpaceDataServiceException(message, innerException, errorType, code, id, status, document.Reason);
        }
    }
}
