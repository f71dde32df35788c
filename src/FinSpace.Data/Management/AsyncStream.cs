using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management
{
    /// <summary>The two things the cmdlet layer needs from async streams, without System.Linq.Async (netstandard2.0 has neither it nor ToBlockingEnumerable; distinct names avoid clashing with .NET 10 ones).</summary>
    public static class AsyncStream
    {
        /// <summary>Maps each item as it arrives.</summary>
        public static async IAsyncEnumerable<TResult> Map<TSource, TResult>(
            this IAsyncEnumerable<TSource> source,
            Func<TSource, TResult> selector,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return selector(item);
            }
        }

        /// <summary>
        /// Runs <paramref name="check"/> when enumeration starts, then streams <paramref name="source"/>:
        /// a listing's bad parameter fails where its items would have arrived, so a cmdlet reports it
        /// as the item's error instead of stopping while it sets the listing up.
        /// </summary>
        public static async IAsyncEnumerable<T> After<T>(
            Action check,
            Func<IAsyncEnumerable<T>> source,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            check();
            await foreach (var item in source().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }

        /// <summary>
        /// Enumerates on the calling thread, one item at a time, so a cmdlet can write each item as
        /// its page arrives; stopping early (Select-Object -First) disposes the stream and no further
        /// page is requested.
        /// </summary>
        public static IEnumerable<T> AsBlocking<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
        {
            var enumerator = source.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    var next = enumerator.MoveNextAsync();
                    bool hasItem = next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
                    if (!hasItem)
                    {
                        yield break;
                    }

                    yield return enumerator.Current;
                }
            }
            finally
            {
                enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }
}
