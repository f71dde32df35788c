using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management.Bulk
{
    /// <summary>
    /// Runs the work items of one command at most <see cref="Limit"/> at a time and hands their
    /// completions back to the one thread that dispatches them (a cmdlet's pipeline thread, the only
    /// thread allowed to write output). Completions come back in completion order, not dispatch order;
    /// with a limit of 1 each item completes before <see cref="Dispatch"/> returns, so order and
    /// streaming are exactly a sequential loop's.
    /// </summary>
    /// <remarks>
    /// Not thread-safe by design: <see cref="Dispatch"/> and <see cref="Drain"/> are called by one
    /// thread. The work delegate is invoked synchronously on that thread, so whatever it reads from
    /// the caller (bound parameters that change per pipeline record) is read at dispatch time; its
    /// awaited continuations run on the thread pool. Cancelling the token stops dispatch (Dispatch
    /// throws <see cref="OperationCanceledException"/>) and is passed to every item in flight.
    /// </remarks>
    public sealed class BulkDispatcher
    {
        private readonly BlockingCollection<BulkCompletion> _completed = new BlockingCollection<BulkCompletion>();
        private readonly CancellationToken _cancellation;
        // Dispatched and not yet handed back; only the dispatching thread touches it.
        private int _outstanding;
        private int _dispatched;
        private int _succeeded;
        private int _failed;

        public BulkDispatcher(int limit, CancellationToken cancellation)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), limit, "ThrottleLimit must be at least 1.");
            }

            Limit = limit;
            _cancellation = cancellation;
        }

        /// <summary>The most items ever in flight at once.</summary>
        public int Limit { get; }

        public BulkProgress Progress
        {
            get
            {
                var succeeded = Volatile.Read(ref _succeeded);
                var failed = Volatile.Read(ref _failed);
                return new BulkProgress(_dispatched, succeeded, failed, _dispatched - succeeded - failed);
            }
        }

        /// <summary>
        /// Starts one item, then returns every completion already available; while <see cref="Limit"/>
        /// items are in flight it blocks for the next completion, so when it returns another item can start.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled: nothing more is dispatched.</exception>
        public IReadOnlyList<BulkCompletion> Dispatch(object target, Func<CancellationToken, Task<object?>> work)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            if (work is null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            _cancellation.ThrowIfCancellationRequested();
            _outstanding++;
            _dispatched++;
            Task<object?> task;
            try
            {
                task = work(_cancellation);
            }
            catch (Exception exception)
            {
                task = Task.FromException<object?>(exception);
            }

            _ = task.ContinueWith(Complete, target, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            var ready = new List<BulkCompletion>();
            while (_outstanding >= Limit)
            {
                ready.Add(_completed.Take(_cancellation));
                _outstanding--;
            }

            TakeReady(ready);
            return ready;
        }

        /// <summary>Waits for every item in flight and yields each completion as it arrives.</summary>
        public IEnumerable<BulkCompletion> Drain()
        {
            while (_outstanding > 0)
            {
                var completion = _completed.Take(_cancellation);
                _outstanding--;
                yield return completion;
            }
        }

        private void TakeReady(List<BulkCompletion> ready)
        {
            while (_completed.TryTake(out var completion))
            {
                ready.Add(completion);
                _outstanding--;
            }
        }

        private void Complete(Task<object?> task, object? target)
        {
            var completion = task.Status == TaskStatus.RanToCompletion
                ? new BulkCompletion(target!, task.Result, null)
                : new BulkCompletion(target!, null, Unwrap(task));
            if (completion.Succeeded)
            {
                Interlocked.Increment(ref _succeeded);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }

            _completed.Add(completion);
        }

        private static Exception Unwrap(Task task) =>
            task.IsCanceled
                ? new OperationCanceledException()
                : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerExceptions[0] : task.Exception;
    }
}
