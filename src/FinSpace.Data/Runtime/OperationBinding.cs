using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime.Internal;
using FinSpace.Data.Metadata;
using FinSpace.Data.Serialization;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Everything the per-call path needs about one operation, worked out once from the model and
    /// cached: which members go where, the source-generated JSON metadata of both shapes, and the
    /// SDK invoke options. Per call the client then only reads values through the model's
    /// accessors — no reflection and no lookups by name.
    /// </summary>
    internal sealed class OperationBinding
    {
        private static readonly ConcurrentDictionary<OperationMetadata, OperationBinding> Cache =
            new ConcurrentDictionary<OperationMetadata, OperationBinding>();

        private OperationBinding(OperationMetadata operation)
        {
            Operation = operation;
            InputTypeInfo = TypeInfoFor(operation.Input);
            OutputTypeInfo = TypeInfoFor(operation.Output);
            HasBody = operation.HasBody;

            var labels = new List<KeyValuePair<string, ShapeMember>>();
            var query = new List<ShapeMember>();
            var headers = new List<ShapeMember>();
            foreach (var member in operation.Input.Members)
            {
                switch (member.Location)
                {
                    case MemberLocation.Uri:
                        labels.Add(new KeyValuePair<string, ShapeMember>("{" + member.LocationName + "}", member));
                        break;
                    case MemberLocation.QueryString:
                        query.Add(member);
                        break;
                    case MemberLocation.Header:
                        headers.Add(member);
                        break;
                }

                if (member.IdempotencyToken)
                {
                    IdempotencyTokenMember = member;
                }
            }

            // Every operation of this model that changes something carries a clientToken; the others read.
            IsSafeToRepeat = IdempotencyTokenMember is not null
                || operation.Name.StartsWith("Get", StringComparison.Ordinal)
                || operation.Name.StartsWith("List", StringComparison.Ordinal);

            if (operation.Paging is { LimitRequired: true, LimitKey: { } limitKey })
            {
                PageSizeMember = operation.Input.FindMember(limitKey);
            }

            var statusMembers = new List<ShapeMember>();
            var responseHeaders = new List<ShapeMember>();
            foreach (var member in operation.Output.Members)
            {
                if (member.Location == MemberLocation.StatusCode)
                {
                    statusMembers.Add(member);
                }
                else if (member.Location == MemberLocation.Header)
                {
                    responseHeaders.Add(member);
                }
            }

            UriLabels = labels.ToArray();
            QueryMembers = query.ToArray();
            HeaderMembers = headers.ToArray();
            StatusCodeMembers = statusMembers.ToArray();
            ResponseHeaderMembers = responseHeaders.ToArray();
            Options = new InvokeOptions
            {
                RequestMarshaller = RestJsonRequestMarshaller.Instance,
                ResponseUnmarshaller = new RestJsonResponseUnmarshaller(this),
            };
        }

        public OperationMetadata Operation { get; }
        public JsonTypeInfo InputTypeInfo { get; }
        public JsonTypeInfo OutputTypeInfo { get; }
        public bool HasBody { get; }

        /// <summary>URI members with their template placeholder (<c>{datasetId}</c>).</summary>
        public KeyValuePair<string, ShapeMember>[] UriLabels { get; }
        public ShapeMember[] QueryMembers { get; }
        public ShapeMember[] HeaderMembers { get; }

        /// <summary>The member the client fills with a fresh token when the caller leaves it null.</summary>
        public ShapeMember? IdempotencyTokenMember { get; }

        /// <summary>
        /// True when sending the request twice is harmless: a read, or an operation with a clientToken
        /// (the service answers a repeat with the first result). Only these are retried after a dropped response.
        /// </summary>
        public bool IsSafeToRepeat { get; }

        /// <summary>The page-size member the model requires, which the client fills when the caller leaves it null.</summary>
        public ShapeMember? PageSizeMember { get; }

        public ShapeMember[] StatusCodeMembers { get; }
        public ShapeMember[] ResponseHeaderMembers { get; }
        public InvokeOptions Options { get; }

        public static OperationBinding For(OperationMetadata operation) =>
            Cache.TryGetValue(operation, out var binding) ? binding : Cache.GetOrAdd(operation, op => new OperationBinding(op));

        private static JsonTypeInfo TypeInfoFor(Shape shape)
        {
            var type = shape.ClrType ?? throw new InvalidOperationException($"{shape.Name} is not a structure.");
            return FinSpaceJsonContext.Default.GetTypeInfo(type)
                ?? throw new InvalidOperationException($"{type.Name} is missing from {nameof(FinSpaceJsonContext)}.");
        }
    }
}
