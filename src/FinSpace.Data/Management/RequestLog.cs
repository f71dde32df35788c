using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using FinSpace.Data;

namespace FinSpace.Management
{
    /// <summary>
    /// Collects one line per completed request for whoever opened the current scope (a cmdlet, for
    /// -Verbose). The scope flows with the async call, so concurrent callers sharing one client each
    /// see only their own requests. Nothing secret is recorded: no headers, no bodies.
    /// </summary>
    public sealed class RequestLog
    {
        private static readonly AsyncLocal<RequestLog?> Scope = new AsyncLocal<RequestLog?>();
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();

        /// <summary>Makes <paramref name="log"/> the current scope until the returned handle is disposed.</summary>
        public static IDisposable Enter(RequestLog log)
        {
            var previous = Scope.Value;
            Scope.Value = log;
            return new Restore(previous);
        }

        /// <summary>Records a completed call in the current scope, if any (subscribed to each cached client).</summary>
        public static void Record(OperationCompletedEventArgs call)
        {
            Scope.Value?._lines.Enqueue("FinSpace " + call);
        }

        /// <summary>Whether anything was recorded since the last <see cref="Drain"/>: lets a caller that checks once per
        /// listed item skip creating the enumerator (an allocation per item) when there is nothing to write.</summary>
        public bool HasLines => !_lines.IsEmpty;

        /// <summary>Everything recorded since the last call.</summary>
        public IEnumerable<string> Drain()
        {
            while (_lines.TryDequeue(out var line))
            {
                yield return line;
            }
        }

        private sealed class Restore : IDisposable
        {
            private readonly RequestLog? _previous;

            public Restore(RequestLog? previous)
            {
                _previous = previous;
            }

            public void Dispose() => Scope.Value = _previous;
        }
    }
}
