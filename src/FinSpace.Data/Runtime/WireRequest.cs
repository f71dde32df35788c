using System;
using FinSpace.Data.Metadata;

namespace FinSpace.Data.Runtime
{
    /// <summary>Decides what is actually sent for a caller's request.</summary>
    internal static class WireRequest
    {
        /// <summary>
        /// Returns the caller's own object when it can go out as given; otherwise a shallow copy with
        /// a fresh idempotency token (when the token member is null) and the default page size (when
        /// the model requires one and none was given). Copying keeps the caller's object exactly as
        /// the caller left it, and the token is chosen here, once per logical call, so every retry
        /// the SDK makes carries the same token.
        /// </summary>
        public static object Prepare(OperationBinding binding, object request)
        {
            var token = binding.IdempotencyTokenMember;
            var pageSize = binding.PageSizeMember;
            var needsToken = token is not null && token.GetValue(request) is null;
            var needsPageSize = pageSize is not null && pageSize.GetValue(request) is null;
            if (!needsToken && !needsPageSize)
            {
                return request;
            }

            var copy = binding.InputTypeInfo.CreateObject!();
            RequestCloner.CopyMembers(binding.Operation.Input, request, copy);
            if (needsToken)
            {
                token!.SetValue(copy, Guid.NewGuid().ToString());
            }

            if (needsPageSize)
            {
                pageSize!.SetValue(copy, PagingMetadata.DefaultPageSize);
            }

            return copy;
        }
    }
}
