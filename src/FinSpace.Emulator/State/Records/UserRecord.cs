using System;

namespace FinSpace.Emulator.State.Records;

internal sealed class UserRecord : StoredRecord
{
    public string EmailAddress { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? ApiAccess { get; set; }
    public string? ApiAccessPrincipalArn { get; set; }
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset LastModifiedTime { get; set; }

    /// <summary>When CREATING ends and the user becomes ENABLED by itself.</summary>
    public DateTimeOffset EnabledAt { get; set; }

    /// <summary>ENABLED or DISABLED once EnableUser/DisableUser was called; null while the lifecycle decides.</summary>
    public string? ExplicitStatus { get; set; }

    public DateTimeOffset? LastEnabledTime { get; set; }
    public DateTimeOffset? LastDisabledTime { get; set; }
}
