using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management
{
    /// <summary>
    /// One listing being read for completion: the ids read so far, and the enumerator that reads on.
    /// Each <see cref="Read"/> waits for more items only until its deadline; an item still on its way
    /// then is waited for by the next call, so no page is asked for twice.
    /// </summary>
    internal sealed class IdListing : IDisposable
    {
        private readonly object _gate = new object();
        private readonly CancellationTokenSource _life = new CancellationTokenSource();
        private readonly List<IdSuggestion> _items = new List<IdSuggestion>();
        private readonly IAsyncEnumerator<IdSuggestion> _enumerator;
        private Task<bool>? _next;
        private bool _complete;

        public IdListing(Func<CancellationToken, IAsyncEnumerable<IdSuggestion>> list, DateTime startedAt)
        {
            StartedAt = startedAt;
            _enumerator = list(_life.Token).GetAsyncEnumerator(_life.Token);
        }

        public DateTime StartedAt { get; }

        /// <summary>True once reading failed: the next completion starts a new listing.</summary>
        public bool Failed { get; private set; }

        /// <summary>
        /// Reads on until the listing ends, <paramref name="deadline"/> passes, <paramref name="maxItems"/>
        /// are held, or <paramref name="wanted"/> items that <paramref name="matches"/> are held;
        /// returns a copy of what is held.
        /// </summary>
        public IReadOnlyList<IdSuggestion> Read(DateTime deadline, int maxItems, Func<IdSuggestion, bool> matches, int wanted)
        {
            lock (_gate)
            {
                var matched = 0;
                foreach (var item in _items)
                {
                    matched += matches(item) ? 1 : 0;
                }

                try
                {
                    while (!_complete && !Failed && _items.Count < maxItems && matched < wanted)
                    {
                        _next ??= _enumerator.MoveNextAsync().AsTask();
                        var remaining = deadline - DateTime.UtcNow;
                        if (!_next.IsCompleted && (remaining <= TimeSpan.Zero || !_next.Wait(remaining)))
                        {
                            break;
                        }

                        var moved = _next.GetAwaiter().GetResult();
                        _next = null;
                        if (!moved)
                        {
                            _complete = true;
                            break;
                        }

                        _items.Add(_enumerator.Current);
                        matched += matches(_enumerator.Current) ? 1 : 0;
                    }
                }
                catch (Exception)
                {
                    // A slow or failing service must never break the user's command line.
                    Failed = true;
                    _next = null;
                }

                return _items.ToArray();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _life.Cancel();
                // A read still in flight ends with the cancellation; its outcome is of no interest.
                _next?.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                _next = null;
            }
        }
    }
}
