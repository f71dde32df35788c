using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;

namespace FinSpace.Data
{
    /// <summary>Follows <c>nextToken</c> from page to page, holding one page at a time.</summary>
    internal static class Paginator
    {
        public static async IAsyncEnumerable<TItem> Items<TRequest, TResponse, TItem>(
            OperationMetadata operation,
            TRequest request,
            Func<TRequest, CancellationToken, Task<TResponse>> fetch,
            Func<TResponse, IEnumerable<TItem>?> items,
            Func<TResponse, string?> nextToken,
            Action<TRequest, string?> setToken,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
            where TRequest : class
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            // Work on a copy so the caller's request object is never changed by paging.
            var page = RequestCloner.Clone(operation.Input, request);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var response = await fetch(page, cancellationToken).ConfigureAwait(false);
                var pageItems = items(response);
                if (pageItems is not null)
                {
                    foreach (var item in pageItems)
                    {
                        yield return item;
                    }
                }

                var token = nextToken(response);
                if (string.IsNullOrEmpty(token))
                {
                    yield break;
                }

                if (!seen.Add(token!))
                {
                    throw new InvalidOperationException(
                        $"{operation.Name} returned a nextToken it had returned before; stopping to avoid an endless loop.");
                }

                setToken(page, token);
            }
        }
    }
}
