using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Just outside the retry loop: when the last attempt ended with a connection that broke after the
    /// request went out (an IOException, a reset socket, a response cut short), the caller gets a
    /// <see cref="ConnectionDroppedException"/> naming the operation and the attempts, instead of a bare
    /// IOException. A connection that could not be opened at all stays as it is: nothing was sent.
    /// </summary>
    internal sealed class ConnectionDroppedHandler : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsDropAfterSending(exception))
            {
                throw Wrap(executionContext, exception);
            }
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception exception) when (IsDropAfterSending(exception))
            {
                throw Wrap(executionContext, exception);
            }
        }

        /// <summary>
        /// A connection that broke with the request on the wire, as opposed to one that never opened.
        /// A break while the body of a 200 was being read reaches here as AmazonUnmarshallingException
        /// (a service exception by type, with the IOException inside): that is a drop too.
        /// </summary>
        internal static bool IsDropAfterSending(Exception exception) =>
            (exception is not AmazonServiceException || exception is AmazonUnmarshallingException)
            && FinSpaceRetryPolicy.IsDroppedConnection(exception)
            && !CouldNotConnect(exception)
            && !TimedOutOrCancelled(exception);

        /// <summary>The configured timeout or the caller's cancellation ended it: that is what it is reported as.</summary>
        private static bool TimedOutOrCancelled(Exception exception)
        {
            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is TimeoutException or OperationCanceledException)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Refused, unresolvable or unreachable: the request never left.</summary>
        internal static bool CouldNotConnect(Exception exception)
        {
            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused
                        or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                        or SocketError.NoData or SocketError.TryAgain or SocketError.AddressNotAvailable)
                {
                    return true;
                }
            }

            return false;
        }

        private static ConnectionDroppedException Wrap(IExecutionContext executionContext, Exception exception)
        {
            var context = executionContext.RequestContext;
            var operation = (context.OriginalRequest as OperationRequest)?.Binding.Operation.Name ?? context.RequestName;
            // The broken read itself, not the SDK's "error unmarshalling" around it.
            var cause = exception is AmazonUnmarshallingException { InnerException: { } inner } ? inner : exception;
            return new ConnectionDroppedException(operation, context.Retries + 1, cause);
        }
    }
}
