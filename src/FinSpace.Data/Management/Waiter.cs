using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management
{
    /// <summary>Polls a resource until it reaches a final status, the timeout passes, or the caller cancels.</summary>
    internal static class Waiter
    {
        /// <summary>
        /// Each state observed, the final one last; throws <see cref="WaitTimeoutException"/> when the
        /// timeout passes first. A stream, so a caller can show progress on its own thread.
        /// </summary>
        public static async IAsyncEnumerable<WaitObservation<T>> ObserveAsync<T>(
            string resourceId,
            Func<CancellationToken, Task<T>> poll,
            Func<T, bool> isComplete,
            Func<T, string?> status,
            WaitOptions options,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var current = await poll(cancellationToken).ConfigureAwait(false);
                var complete = isComplete(current);
                yield return new WaitObservation<T>(current, clock.Elapsed, complete);
                if (complete)
                {
                    yield break;
                }

                var remaining = options.Timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new WaitTimeoutException(resourceId, status(current), options.Timeout);
                }

                var delay = options.PollInterval < remaining ? options.PollInterval : remaining;
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The final state.</summary>
        public static async Task<T> WaitAsync<T>(IAsyncEnumerable<WaitObservation<T>> observations, CancellationToken cancellationToken)
        {
            WaitObservation<T>? last = null;
            await foreach (var observation in observations.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                last = observation;
            }

            return last!.Value;
        }
    }
}
