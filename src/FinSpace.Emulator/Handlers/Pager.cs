using System.Collections.Generic;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>Pages a table in creation order behind opaque tokens bound to the list operation and its parent.</summary>
internal sealed class Pager
{
    private readonly PageTokenCodec _codec;
    private readonly int _defaultPageSize;

    public Pager(PageTokenCodec codec, int defaultPageSize)
    {
        _codec = codec;
        _defaultPageSize = defaultPageSize;
    }

    public (List<T> Items, string? NextToken) Page<T>(RecordTable<T> table, string operation, string parentId, string? nextToken, int? maxResults)
        where T : StoredRecord
    {
        long after = 0;
        if (nextToken is not null)
        {
            after = _codec.Decode(nextToken, operation, parentId)
                ?? throw ApiException.Validation($"The nextToken is not valid for this {operation} request.", Reasons.InvalidNextToken);
        }

        var (items, more) = table.PageAfter(after, maxResults ?? _defaultPageSize);
        var next = more && items.Count > 0 ? _codec.Encode(operation, parentId, items[^1].Seq) : null;
        return (items, next);
    }
}
