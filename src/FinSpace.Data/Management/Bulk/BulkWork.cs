using System;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Management.Bulk
{
    /// <summary>The shapes of work a bulk command dispatches: one call, or a change followed by a read-back.</summary>
    public static class BulkWork
    {
        /// <summary>Creates, then reads the new resource back; a failed read-back is a <see cref="FollowUpReadException"/> naming the new id.</summary>
        public static async Task<object?> CreateThenRead<T>(Func<CancellationToken, Task<string>> create, Func<string, CancellationToken, Task<T>> readBack, CancellationToken cancellationToken)
        {
            var id = await create(cancellationToken).ConfigureAwait(false);
            return await ReadAfter("CreatedButNotRead", "Creating", id, readBack, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Applies a change, then (when <paramref name="readBack"/> is given) reads the resource as it is afterwards.</summary>
        public static async Task<object?> ChangeThenRead<T>(string id, Func<CancellationToken, Task> change, Func<string, CancellationToken, Task<T>>? readBack, CancellationToken cancellationToken)
        {
            await change(cancellationToken).ConfigureAwait(false);
            return readBack is null ? null : await ReadAfter("ChangedButNotRead", "Changing", id, readBack, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<object?> ReadAfter<T>(string errorId, string what, string id, Func<string, CancellationToken, Task<T>> readBack, CancellationToken cancellationToken)
        {
            try
            {
                return await readBack(id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new FollowUpReadException(errorId, id, what, exception);
            }
        }
    }
}
