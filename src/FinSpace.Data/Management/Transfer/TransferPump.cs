using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// Runs a transfer on the thread pool and hands its updates to the calling thread one at a time,
    /// because a cmdlet may write progress, objects and errors only from the pipeline thread. An
    /// exception of the transfer is rethrown on the calling thread after the updates before it;
    /// stopping the enumeration early cancels the transfer and waits for it.
    /// </summary>
    public static class TransferPump
    {
        public static IEnumerable<TransferUpdate> Run(Func<Action<TransferUpdate>, CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            using var updates = new BlockingCollection<TransferUpdate>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var task = Task.Run(async () =>
            {
                try
                {
                    await work(update => updates.Add(update), stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    updates.CompleteAdding();
                }
            });

            var finished = false;
            try
            {
                foreach (var update in updates.GetConsumingEnumerable())
                {
                    yield return update;
                }

                finished = true;
            }
            finally
            {
                if (!finished)
                {
                    stop.Cancel();
                }

                try
                {
                    task.Wait();
                }
                catch (AggregateException) when (!finished)
                {
                    // The caller stopped; what the transfer thought of that does not matter.
                }
            }

            // Rethrow the transfer's own exception, not an AggregateException.
            task.GetAwaiter().GetResult();
        }
    }
}
