using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Data
{
    /// <summary>
    /// Follows <c>nextToken</c> from page to page, holding one page at a time. A page that fails after
    /// the client's retries ends the listing with <see cref="ListingIncompleteException"/>, which says how
    /// many items were delivered and carries the token of the failed page to resume from.
    /// </summary>
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
            // The token of the page being fetched: the caller's starting token, then each nextToken.
            var current = operation.Paging is { } paging ? operation.Input.FindMember(paging.InputToken)?.GetValue(page) as string : null;
            long delivered = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TResponse response;
                try
                {
                    // One page is one call: the client retries it with the same token, never from the start.
                    response = await fetch(page, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (GaveUp(exception, delivered, current))
                {
                    throw new ListingIncompleteException(operation.Name, delivered, current, exception);
                }

                var pageItems = items(response);
                if (pageItems is not null)
                {
                    foreach (var item in pageItems)
                    {
                        delivered++;
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
                current = token;
            }
        }

        /// <summary>
        /// Whether a failed page ends the listing with <see cref="ListingIncompleteException"/>: when the
        /// listing had got somewhere (items delivered, or a token to stand on), or when the failure is one
        /// retries were there for (throttling, HTTP 5xx, the connection). A first page refused for what was
        /// asked (a dataset that does not exist, access denied, invalid input) stays that plain error.
        /// </summary>
        internal static bool GaveUp(Exception exception, long delivered, string? token) =>
            exception is not OperationCanceledException and not RequestValidationException
            && (delivered > 0 || token is not null || IsTransient(exception));

        private static bool IsTransient(Exception exception) => exception switch
        {
            Amazon.Runtime.AmazonServiceException service => (int)service.StatusCode == 429 || (int)service.StatusCode >= 500 || service.ErrorCode == "ThrottlingException",
            TimeoutException => true,
            _ => Runtime.FinSpaceRetryPolicy.IsDroppedConnection(exception),
        };
    }
}
