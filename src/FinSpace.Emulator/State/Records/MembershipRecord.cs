using System;

namespace FinSpace.Emulator.State.Records;

/// <summary>One user in one permission group; both list directions read the same record.</summary>
internal sealed class MembershipRecord : StoredRecord
{
    public string PermissionGroupId { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;
    public DateTimeOffset CreateTime { get; set; }

    public static string KeyOf(string permissionGroupId, string userId) => permissionGroupId + "/" + userId;
}
