using System;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Paces each attempt through a <see cref="SendRateLimiter"/> (adaptive retry mode only). It sits
    /// inside the retry handler, so it sees every attempt: it waits for the operation's turn before
    /// the request is signed and sent, and tells the limiter when the service throttled it.
    /// </summary>
    internal sealed class SendRateHandler : PipelineHandler
    {
        private readonly SendRateLimiter _limiter;

        public SendRateHandler(SendRateLimiter limiter)
        {
            _limiter = limiter;
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var requestContext = executionContext.RequestContext;
            var operation = OperationName(requestContext);
            await _limiter.AcquireAsync(operation, requestContext.CancellationToken).ConfigureAwait(false);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsThrottling(exception))
            {
                _limiter.OnThrottled(operation);
                throw;
            }
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            var requestContext = executionContext.RequestContext;
            var operation = OperationName(requestContext);
            _limiter.AcquireAsync(operation, requestContext.CancellationToken).GetAwaiter().GetResult();
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception exception) when (IsThrottling(exception))
            {
                _limiter.OnThrottled(operation);
                throw;
            }
        }

        /// <summary>A refusal for sending too fast: HTTP 429 or a throttling error code.</summary>
        internal static bool IsThrottling(Exception exception) =>
            exception is AmazonServiceException service
            && (service.StatusCode == (HttpStatusCode)429
                || string.Equals(service.ErrorCode, "ThrottlingException", StringComparison.Ordinal)
                || string.Equals(service.ErrorCode, "Throttling", StringComparison.Ordinal));

        private static string OperationName(IRequestContext requestContext) =>
            (requestContext.OriginalRequest as OperationRequest)?.Binding.Operation.Name ?? requestContext.RequestName;
    }
}
