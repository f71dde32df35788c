using System;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.State;

/// <summary>
/// Status of asynchronous resources, derived from the clock and the step times fixed when each was
/// created. No timers run: two reads at the same instant always agree.
/// </summary>
internal static class Lifecycle
{
    // A real ingestion or export keeps its resource RUNNING past the configured step until the job is done.
    public static string ChangesetStatus(ChangesetRecord c, DateTimeOffset now) =>
        now < c.RunningAt ? "PENDING"
        : now < c.CompletedAt || (c.Ingests && c.IngestedAt is null) ? "RUNNING"
        : c.FailureCategory is null ? "SUCCESS" : "FAILED";

    public static string DataViewStatus(DataViewRecord d, DateTimeOffset now) =>
        now < d.RunningAt ? "STARTING"
        : now < d.CompletedAt || (d.Exports && d.ExportedAt is null) ? "RUNNING"
        : d.FailureCategory is null ? "SUCCESS" : d.FailureStatus ?? "FAILED";

    public static string DatasetStatus(DatasetRecord d, DateTimeOffset now) =>
        now < d.RunningAt ? "PENDING" : now < d.CompletedAt ? "RUNNING" : "SUCCESS";

    public static string UserStatus(UserRecord u, DateTimeOffset now) =>
        u.ExplicitStatus ?? (now < u.EnabledAt ? "CREATING" : "ENABLED");

    /// <summary>When the user was last enabled: by EnableUser, or by finishing CREATING.</summary>
    public static DateTimeOffset? LastEnabledTime(UserRecord u, DateTimeOffset now) =>
        u.LastEnabledTime ?? (u.ExplicitStatus is null && now >= u.EnabledAt ? u.EnabledAt : null);

    /// <summary>A changeset becomes active when its ingestion succeeds.</summary>
    public static DateTimeOffset? ActiveFrom(ChangesetRecord c, DateTimeOffset now) =>
        ChangesetStatus(c, now) == "SUCCESS" ? Later(c.CompletedAt, c.IngestedAt) : null;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}
