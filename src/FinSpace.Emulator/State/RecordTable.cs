using System;
using System.Collections.Generic;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.State;

/// <summary>
/// Records of one kind in creation order with lookup by id. Every change is queued for the store,
/// so handlers never talk to persistence themselves. Not thread-safe: used under the state lock.
/// </summary>
internal sealed class RecordTable<T>
    where T : StoredRecord
{
    private readonly Dictionary<string, T> _byId;
    private readonly List<T> _ordered = new();
    private readonly EmulatorState _state;
    private readonly Func<T, string> _keyOf;

    /// <param name="kind">The store's kind for these records, or null for a secondary index that never writes.</param>
    /// <param name="keyOf">The lookup key of a record; its id unless given.</param>
    public RecordTable(string? kind, EmulatorState state, Func<T, string>? keyOf = null)
    {
        Kind = kind;
        _state = state;
        _keyOf = keyOf ?? (static r => r.Id);
        _byId = new Dictionary<string, T>(StringComparer.Ordinal);
    }

    public string? Kind { get; }

    public int Count => _ordered.Count;

    public IReadOnlyList<T> Ordered => _ordered;

    public T? Find(string id) => _byId.TryGetValue(id, out var record) ? record : null;

    /// <summary>Adds a new record (giving it the next sequence number) or records a change to an existing one.</summary>
    public void Save(T record)
    {
        var key = _keyOf(record);
        if (!_byId.ContainsKey(key))
        {
            if (record.Seq == 0)
            {
                record.Seq = _state.NextSeq();
            }

            _byId.Add(key, record);
            _ordered.Add(record);
        }

        if (Kind is not null)
        {
            _state.Queue(new StoreChange(Kind, record.Id, record.Seq, record));
        }
    }

    public bool Remove(string key)
    {
        if (!_byId.Remove(key, out var record))
        {
            return false;
        }

        _ordered.RemoveAt(IndexAfter(record.Seq - 1));
        if (Kind is not null)
        {
            _state.Queue(new StoreChange(Kind, record.Id, record.Seq, null));
        }

        return true;
    }

    /// <summary>Up to <paramref name="count"/> records created after sequence <paramref name="afterSeq"/>, and whether more follow.</summary>
    public (List<T> Items, bool More) PageAfter(long afterSeq, int count)
    {
        var start = IndexAfter(afterSeq);
        var end = Math.Min(_ordered.Count, start + count);
        return (_ordered.GetRange(start, end - start), end < _ordered.Count);
    }

    /// <summary>Adds a record read back from the store, without queuing a write.</summary>
    public void Restore(T record)
    {
        _byId[_keyOf(record)] = record;
        _ordered.Add(record);
    }

    public void ClearWithoutWrites()
    {
        _byId.Clear();
        _ordered.Clear();
    }

    private int IndexAfter(long seq)
    {
        int lo = 0, hi = _ordered.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_ordered[mid].Seq <= seq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
