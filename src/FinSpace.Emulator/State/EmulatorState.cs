using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.State;

/// <summary>
/// Every resource the emulator holds and the relationships between them. All access happens under
/// <see cref="Gate"/>; changes queue up and reach the store in one transaction per request
/// (<see cref="Commit"/>), before the response is written.
/// </summary>
internal sealed class EmulatorState : IDisposable
{
    private static readonly Dictionary<string, Type> KindTypes = new(StringComparer.Ordinal)
    {
        ["dataset"] = typeof(DatasetRecord),
        ["changeset"] = typeof(ChangesetRecord),
        ["dataview"] = typeof(DataViewRecord),
        ["permissionGroup"] = typeof(PermissionGroupRecord),
        ["user"] = typeof(UserRecord),
        [MembershipIndex.Kind] = typeof(MembershipRecord),
        ["credential"] = typeof(TemporaryCredentialRecord),
        ["idempotency"] = typeof(IdempotencyRecord),
    };

    private readonly IStateStore _store;
    private readonly List<StoreChange> _pending = new();
    private readonly Dictionary<string, RecordTable<ChangesetRecord>> _changesets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordTable<DataViewRecord>> _dataViews = new(StringComparer.Ordinal);
    private long _seq;

    public EmulatorState(IStateStore store)
    {
        _store = store;
        Datasets = new RecordTable<DatasetRecord>("dataset", this);
        PermissionGroups = new RecordTable<PermissionGroupRecord>("permissionGroup", this);
        Users = new RecordTable<UserRecord>("user", this);
        Credentials = new RecordTable<TemporaryCredentialRecord>("credential", this);
        Idempotency = new RecordTable<IdempotencyRecord>("idempotency", this);
        Memberships = new MembershipIndex(this);
        Load();
    }

    /// <summary>The one lock every reader and writer takes.</summary>
    public object Gate { get; } = new();

    public IStateStore Store => _store;

    public RecordTable<DatasetRecord> Datasets { get; }
    public RecordTable<PermissionGroupRecord> PermissionGroups { get; }
    public RecordTable<UserRecord> Users { get; }
    public RecordTable<TemporaryCredentialRecord> Credentials { get; }
    public RecordTable<IdempotencyRecord> Idempotency { get; }
    public MembershipIndex Memberships { get; }

    /// <summary>Dataset aliases in use, to refuse a duplicate.</summary>
    public Dictionary<string, string> AliasOwners { get; } = new(StringComparer.Ordinal);

    /// <summary>User email addresses in use (compared ignoring case, as mail systems do).</summary>
    public Dictionary<string, string> EmailOwners { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Permission group names in use (compared ignoring case, so two groups never look alike).</summary>
    public Dictionary<string, string> GroupNameOwners { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int ChangesetCount { get; private set; }

    public int DataViewCount { get; private set; }

    public long NextSeq() => ++_seq;

    public void Queue(StoreChange change) => _pending.Add(change);

    /// <summary>The dataset's changesets (an empty table for a dataset without any).</summary>
    public RecordTable<ChangesetRecord> ChangesetsOf(string datasetId) => Child(_changesets, datasetId, "changeset");

    public RecordTable<DataViewRecord> DataViewsOf(string datasetId) => Child(_dataViews, datasetId, "dataview");

    public void AddChangeset(ChangesetRecord changeset)
    {
        ChangesetsOf(changeset.DatasetId).Save(changeset);
        ChangesetCount++;
    }

    public void AddDataView(DataViewRecord dataView)
    {
        DataViewsOf(dataView.DatasetId).Save(dataView);
        DataViewCount++;
    }

    /// <summary>Deletes a dataset with its changesets and dataviews.</summary>
    public void RemoveDataset(DatasetRecord dataset)
    {
        foreach (var changeset in ChangesetsOf(dataset.Id).Ordered.ToArray())
        {
            ChangesetsOf(dataset.Id).Remove(changeset.Id);
            ChangesetCount--;
        }

        foreach (var dataView in DataViewsOf(dataset.Id).Ordered.ToArray())
        {
            DataViewsOf(dataset.Id).Remove(dataView.Id);
            DataViewCount--;
        }

        _changesets.Remove(dataset.Id);
        _dataViews.Remove(dataset.Id);
        if (dataset.Alias is { } alias)
        {
            AliasOwners.Remove(alias);
        }

        Datasets.Remove(dataset.Id);
    }

    /// <summary>Makes the queued changes durable; called once per request, under <see cref="Gate"/>.</summary>
    public void Commit()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        try
        {
            _store.Commit(_pending);
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>Forgets queued changes of a request that failed before changing anything.</summary>
    public void DiscardPending() => _pending.Clear();

    /// <summary>Removes every resource, credential and idempotency record.</summary>
    public void Reset()
    {
        _pending.Clear();
        _store.Clear();
        Datasets.ClearWithoutWrites();
        PermissionGroups.ClearWithoutWrites();
        Users.ClearWithoutWrites();
        Credentials.ClearWithoutWrites();
        Idempotency.ClearWithoutWrites();
        Memberships.Clear();
        _changesets.Clear();
        _dataViews.Clear();
        AliasOwners.Clear();
        EmailOwners.Clear();
        GroupNameOwners.Clear();
        ChangesetCount = 0;
        DataViewCount = 0;
    }

    public StateSummary Summary() => new(Datasets.Count, ChangesetCount, DataViewCount, PermissionGroups.Count, Users.Count, Memberships.Count);

    public void Dispose() => _store.Dispose();

    private RecordTable<TRecord> Child<TRecord>(Dictionary<string, RecordTable<TRecord>> tables, string parentId, string kind)
        where TRecord : StoredRecord
    {
        if (!tables.TryGetValue(parentId, out var table))
        {
            table = new RecordTable<TRecord>(kind, this);
            tables.Add(parentId, table);
        }

        return table;
    }

    private void Load()
    {
        foreach (var row in _store.LoadAll())
        {
            _seq = Math.Max(_seq, row.Seq);
            if (!KindTypes.TryGetValue(row.Kind, out var type))
            {
                continue;
            }

            var record = RecordJson.Deserialize(row.Json, type);
            record.Seq = row.Seq;
            Restore(record);
        }
    }

    private void Restore(StoredRecord record)
    {
        // Rows arrive in sequence order, so appending keeps every table in creation order.
        switch (record)
        {
            case DatasetRecord dataset:
                Datasets.Restore(dataset);
                if (dataset.Alias is { } alias)
                {
                    AliasOwners[alias] = dataset.Id;
                }

                break;
            case ChangesetRecord changeset:
                ChangesetsOf(changeset.DatasetId).Restore(changeset);
                ChangesetCount++;
                break;
            case DataViewRecord dataView:
                DataViewsOf(dataView.DatasetId).Restore(dataView);
                DataViewCount++;
                break;
            case PermissionGroupRecord group:
                PermissionGroups.Restore(group);
                GroupNameOwners[group.Name] = group.Id;
                break;
            case UserRecord user:
                Users.Restore(user);
                EmailOwners[user.EmailAddress] = user.Id;
                break;
            case MembershipRecord membership:
                Memberships.Restore(membership);
                break;
            case TemporaryCredentialRecord credential:
                Credentials.Restore(credential);
                break;
            case IdempotencyRecord idempotency:
                Idempotency.Restore(idempotency);
                break;
        }
    }
}
