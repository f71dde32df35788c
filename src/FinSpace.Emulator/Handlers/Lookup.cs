using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>Finds a resource or answers 404 with the reason naming what was missing.</summary>
internal static class Lookup
{
    public static DatasetRecord Dataset(OperationContext context, string? datasetId) =>
        context.State.Datasets.Find(datasetId!)
        ?? throw ApiException.NotFound($"Dataset '{datasetId}' does not exist.", Reasons.DatasetNotFound);

    public static ChangesetRecord Changeset(OperationContext context, string? datasetId, string? changesetId)
    {
        Dataset(context, datasetId);
        return context.State.ChangesetsOf(datasetId!).Find(changesetId!)
            ?? throw ApiException.NotFound($"Changeset '{changesetId}' does not exist in dataset '{datasetId}'.", Reasons.ChangesetNotFound);
    }

    public static DataViewRecord DataView(OperationContext context, string? datasetId, string? dataViewId)
    {
        Dataset(context, datasetId);
        return context.State.DataViewsOf(datasetId!).Find(dataViewId!)
            ?? throw ApiException.NotFound($"Dataview '{dataViewId}' does not exist in dataset '{datasetId}'.", Reasons.DataViewNotFound);
    }

    public static PermissionGroupRecord PermissionGroup(OperationContext context, string? permissionGroupId) =>
        context.State.PermissionGroups.Find(permissionGroupId!)
        ?? throw ApiException.NotFound($"Permission group '{permissionGroupId}' does not exist.", Reasons.PermissionGroupNotFound);

    public static UserRecord User(OperationContext context, string? userId) =>
        context.State.Users.Find(userId!)
        ?? throw ApiException.NotFound($"User '{userId}' does not exist.", Reasons.UserNotFound);
}
