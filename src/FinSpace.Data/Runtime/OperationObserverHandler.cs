using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// The outermost pipeline handler: it sees each logical call once, around the SDK's retry loop,
    /// and reports it to <see cref="FinSpaceDataClient.OperationCompleted"/>. When nobody listens it
    /// passes straight through, without timing or allocating.
    /// </summary>
    internal sealed class OperationObserverHandler : PipelineHandler
    {
        private readonly FinSpaceDataClient _client;

        public OperationObserverHandler(FinSpaceDataClient client)
        {
            _client = client;
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var listeners = _client.OperationCompletedListeners;
            return listeners is null
                ? base.InvokeAsync<T>(executionContext)
                : ObserveAsync<T>(executionContext, listeners);
        }

        private async Task<T> ObserveAsync<T>(IExecutionContext executionContext, EventHandler<OperationCompletedEventArgs> listeners)
            where T : AmazonWebServiceResponse, new()
        {
            var started = Stopwatch.GetTimestamp();
            T response;
            try
            {
                response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Report(executionContext, listeners, started, exception);
                throw;
            }

            Report(executionContext, listeners, started, exception: null);
            return response;
        }

        private void Report(IExecutionContext executionContext, EventHandler<OperationCompletedEventArgs> listeners, long started, Exception? exception)
        {
            var elapsed = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
            var requestContext = executionContext.RequestContext;
            var responseContext = executionContext.ResponseContext;
            var operation = (requestContext.OriginalRequest as OperationRequest)?.Binding.Operation.Name ?? requestContext.RequestName;

            int? status = responseContext?.HttpResponse is { } http ? (int)http.StatusCode : null;
            string? requestId = responseContext?.Response?.ResponseMetadata?.RequestId;
            string? errorCode = null;
            if (exception is AmazonServiceException service)
            {
                if (service.StatusCode != 0)
                {
                    status = (int)service.StatusCode;
                }

                requestId = service.RequestId ?? requestId;
                errorCode = service.ErrorCode ?? service.GetType().Name;
            }
            else if (exception is not null)
            {
                errorCode = exception.GetType().Name;
            }

            listeners(_client, new OperationCompletedEventArgs(
                operation,
                status,
                elapsed,
                string.IsNullOrEmpty(requestId) ? null : requestId,
                requestContext.Retries,
                errorCode));
        }
    }
}
