using System;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.State;

/// <summary>
/// Status of asynchronous resources, derived from the clock and the step times fixed when each was
/// created. No timers run: two reads at the same instant always agree.
/// </summary>
internal static class Lifecycle
{
    public static string ChangesetStatus(ChangesetRecord c, DateTimeOffset now) =>
        now < c.RunningAt ? "PENDING" : now < c.CompletedAt ? "RUNNING" : c.FailureCategory is null ? "SUCCESS" : "FAILED";

    public static string DataViewStatus(DataViewRecord d, DateTimeOffset now) =>
        now < d.RunningAt ? "STARTING" : now < d.CompletedAt ? "RUNNING" : d.FailureCategory is null ? "SUCCESS" : "FAILED";

    public static string DatasetStatus(DatasetRecord d, DateTimeOffset now) =>
        now < d.RunningAt ? "PENDING" : now < d.CompletedAt ? "RUNNING" : "SUCCESS";

    public static string UserStatus(UserRecord u, DateTimeOffset now) =>
        u.ExplicitStatus ?? (now < u.EnabledAt ? "CREATING" : "ENABLED");

    /// <summary>When the user was last enabled: by EnableUser, or by finishing CREATING.</summary>
    public static DateTimeOffset? LastEnabledTime(UserRecord u, DateTimeOffset now) =>
        u.LastEnabledTime ?? (u.ExplicitStatus is null && now >= u.EnabledAt ? u.EnabledAt : null);

    /// <summary>A changeset becomes active when its ingestion succeeds.</summary>
    public static DateTimeOffset? ActiveFrom(ChangesetRecord c, DateTimeOffset now) =>
        ChangesetStatus(c, now) == "SUCCESS" ? c.CompletedAt : null;
}
