using System;

namespace FinSpace.Data
{
    /// <summary>
    /// One finished call to the service (after all retries), for <c>-Verbose</c> output and logs.
    /// Carries only what is safe to print: never headers, bodies, credentials or signatures.
    /// </summary>
    public sealed class OperationCompletedEventArgs : EventArgs
    {
        public OperationCompletedEventArgs(
            string operationName,
            int? httpStatusCode,
            double elapsedMilliseconds,
            string? requestId,
            int retryCount,
            string? errorCode)
        {
            OperationName = operationName;
            HttpStatusCode = httpStatusCode;
            ElapsedMilliseconds = elapsedMilliseconds;
            RequestId = requestId;
            RetryCount = retryCount;
            ErrorCode = errorCode;
        }

        /// <summary>The model's operation name, e.g. <c>ListDatasets</c>.</summary>
        public string OperationName { get; }

        /// <summary>The status of the last HTTP response, or null when none arrived (network failure, cancellation).</summary>
        public int? HttpStatusCode { get; }

        /// <summary>Wall time of the whole logical call, retries and back-off included.</summary>
        public double ElapsedMilliseconds { get; }

        /// <summary>The <c>x-amzn-RequestId</c> of the last response, when the service sent one.</summary>
        public string? RequestId { get; }

        /// <summary>How many times the SDK retried (0 when the first attempt was final).</summary>
        public int RetryCount { get; }

        /// <summary>The service error code, or the exception type name for a client-side failure; null on success.</summary>
        public string? ErrorCode { get; }

        /// <summary>True when the call returned a result.</summary>
        public bool Succeeded => ErrorCode is null;

        /// <summary>One line in the shape docs/design/cmdlet-conventions.md gives <c>-Verbose</c> output.</summary>
        public override string ToString()
        {
            var status = HttpStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response";
            var outcome = ErrorCode is null ? string.Empty : $" {ErrorCode}";
            return $"{OperationName}: HTTP {status}{outcome} in {ElapsedMilliseconds:0} ms, request id {RequestId ?? "none"}, {RetryCount} retr{(RetryCount == 1 ? "y" : "ies")}";
        }
    }
}
