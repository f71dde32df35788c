using System;

namespace FinSpace.Data
{
    /// <summary>
    /// A listing gave up on a page after every attempt the retry policy allowed. The items before that
    /// page were delivered exactly once; <see cref="NextToken"/> asks for the page that failed, so a
    /// listing started again from it delivers the rest, each item once.
    /// </summary>
    public sealed class ListingIncompleteException : Exception
    {
        public ListingIncompleteException(string operationName, long itemCount, string? nextToken, Exception innerException)
            : base(
                $"{operationName} stopped after {itemCount} item{(itemCount == 1 ? string.Empty : "s")}: {innerException.Message.TrimEnd('.')}.",
                innerException)
        {
            OperationName = operationName;
            ItemCount = itemCount;
            NextToken = nextToken;
        }

        /// <summary>The list operation, e.g. ListDatasets.</summary>
        public string OperationName { get; }

        /// <summary>How many items the listing delivered before it stopped.</summary>
        public long ItemCount { get; }

        /// <summary>The token of the page that failed; null when the first page failed (start again from the beginning).</summary>
        public string? NextToken { get; }
    }
}
