using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.State;

/// <summary>
/// Memberships indexed from both sides over the same records, so ListUsersByPermissionGroup and
/// ListPermissionGroupsByUser can never disagree.
/// </summary>
internal sealed class MembershipIndex
{
    public const string Kind = "membership";

    private readonly EmulatorState _state;
    private readonly Dictionary<string, RecordTable<MembershipRecord>> _byGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordTable<MembershipRecord>> _byUser = new(StringComparer.Ordinal);

    public MembershipIndex(EmulatorState state)
    {
        _state = state;
    }

    public int Count { get; private set; }

    public bool Contains(string permissionGroupId, string userId) =>
        _byGroup.TryGetValue(permissionGroupId, out var table) && table.Find(userId) is not null;

    /// <summary>The group's memberships keyed by user id, in the order users joined.</summary>
    public RecordTable<MembershipRecord> MembersOf(string permissionGroupId) => Side(_byGroup, permissionGroupId, static m => m.UserId);

    /// <summary>The user's memberships keyed by group id, in the order the user joined them.</summary>
    public RecordTable<MembershipRecord> GroupsOf(string userId) => Side(_byUser, userId, static m => m.PermissionGroupId);

    public void Add(MembershipRecord membership)
    {
        membership.Id = MembershipRecord.KeyOf(membership.PermissionGroupId, membership.UserId);
        membership.Seq = _state.NextSeq();
        Link(membership);
        _state.Queue(new StoreChange(Kind, membership.Id, membership.Seq, membership));
    }

    public bool Remove(string permissionGroupId, string userId)
    {
        if (!_byGroup.TryGetValue(permissionGroupId, out var members) || members.Find(userId) is not { } membership)
        {
            return false;
        }

        members.Remove(userId);
        GroupsOf(userId).Remove(permissionGroupId);
        Count--;
        _state.Queue(new StoreChange(Kind, membership.Id, membership.Seq, null));
        return true;
    }

    /// <summary>Removes every membership of a deleted group.</summary>
    public void RemoveGroup(string permissionGroupId)
    {
        foreach (var membership in MembersOf(permissionGroupId).Ordered.ToArray())
        {
            Remove(permissionGroupId, membership.UserId);
        }

        _byGroup.Remove(permissionGroupId);
    }

    /// <summary>Removes every membership of a deleted user.</summary>
    public void RemoveUser(string userId)
    {
        foreach (var membership in GroupsOf(userId).Ordered.ToArray())
        {
            Remove(membership.PermissionGroupId, userId);
        }

        _byUser.Remove(userId);
    }

    public void Restore(MembershipRecord membership) => Link(membership);

    public void Clear()
    {
        _byGroup.Clear();
        _byUser.Clear();
        Count = 0;
    }

    private void Link(MembershipRecord membership)
    {
        // The per-side tables never write: the one change queued by Add is the membership's only row.
        MembersOf(membership.PermissionGroupId).Save(membership);
        GroupsOf(membership.UserId).Save(membership);
        Count++;
    }

    private RecordTable<MembershipRecord> Side(Dictionary<string, RecordTable<MembershipRecord>> sides, string key, Func<MembershipRecord, string> keyOf)
    {
        if (!sides.TryGetValue(key, out var table))
        {
            table = new RecordTable<MembershipRecord>(null, _state, keyOf);
            sides.Add(key, table);
        }

        return table;
    }
}
