using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>
/// CreateChangeset, GetChangeset, UpdateChangeset, ListChangesets. UpdateChangeset creates a new
/// changeset that supersedes the one named: the new one carries <c>updatesChangesetId</c>, the old one
/// <c>updatedByChangesetId</c>, and once the new one succeeds the old one's <c>activeUntilTimestamp</c>
/// is the new one's <c>activeFromTimestamp</c>.
/// </summary>
internal static class ChangesetHandlers
{
    public const string SourcePathKey = "s3SourcePath";

    public static void Register(HandlerRegistry registry)
    {
        registry.Add<CreateChangesetRequest, CreateChangesetResponse>(ServiceModel.CreateChangeset, Create);
        registry.Add<GetChangesetRequest, GetChangesetResponse>(ServiceModel.GetChangeset, Get);
        registry.Add<UpdateChangesetRequest, UpdateChangesetResponse>(ServiceModel.UpdateChangeset, Update);
        registry.Add<ListChangesetsRequest, ListChangesetsResponse>(ServiceModel.ListChangesets, List);
    }

    private static CreateChangesetResponse Create(CreateChangesetRequest request, OperationContext context)
    {
        var dataset = Lookup.Dataset(context, request.DatasetId);
        var changeset = NewChangeset(context, dataset.Id, request.ChangeType!.Value, request.SourceParams!, request.FormatParams!);
        if (changeset.ChangeType == ChangeType.Modify.Value && LatestReplaceable(context, dataset.Id) is { } target)
        {
            // MODIFY replaces one specific earlier changeset; CreateChangeset names none, so it is the
            // dataset's latest successful one not yet replaced, linked exactly as UpdateChangeset links.
            changeset.UpdatesChangesetId = target.Id;
            target.UpdatedByChangesetId = changeset.Id;
            context.State.ChangesetsOf(dataset.Id).Save(target);
        }

        context.State.AddChangeset(changeset);
        ScheduleIngestion(context, changeset);
        return new CreateChangesetResponse { DatasetId = dataset.Id, ChangesetId = changeset.Id };
    }

    private static GetChangesetResponse Get(GetChangesetRequest request, OperationContext context)
    {
        var c = Lookup.Changeset(context, request.DatasetId, request.ChangesetId);
        var s = ToSummary(c, context);
        return new GetChangesetResponse
        {
            ChangesetId = s.ChangesetId,
            ChangesetArn = s.ChangesetArn,
            DatasetId = s.DatasetId,
            ChangeType = s.ChangeType,
            SourceParams = s.SourceParams,
            FormatParams = s.FormatParams,
            CreateTime = s.CreateTime,
            Status = s.Status,
            ErrorInfo = s.ErrorInfo,
            ActiveFromTimestamp = s.ActiveFromTimestamp,
            ActiveUntilTimestamp = s.ActiveUntilTimestamp,
            UpdatesChangesetId = s.UpdatesChangesetId,
            UpdatedByChangesetId = s.UpdatedByChangesetId,
        };
    }

    private static UpdateChangesetResponse Update(UpdateChangesetRequest request, OperationContext context)
    {
        var old = Lookup.Changeset(context, request.DatasetId, request.ChangesetId);
        if (old.UpdatedByChangesetId is { } updaterId && !HasFailed(context, old.DatasetId, updaterId))
        {
            throw ApiException.Conflict($"Changeset '{old.Id}' was already updated by changeset '{old.UpdatedByChangesetId}'; update that one instead.", Reasons.ChangesetAlreadyUpdated);
        }

        var status = Lifecycle.ChangesetStatus(old, context.Now);
        if (status is "PENDING" or "RUNNING")
        {
            throw ApiException.Conflict($"Changeset '{old.Id}' is {status}; it can be updated once its ingestion has finished.", Reasons.ChangesetNotComplete);
        }

        var replacement = NewChangeset(context, old.DatasetId, old.ChangeType, request.SourceParams!, request.FormatParams!);
        replacement.UpdatesChangesetId = old.Id;
        context.State.AddChangeset(replacement);
        ScheduleIngestion(context, replacement);
        old.UpdatedByChangesetId = replacement.Id;
        context.State.ChangesetsOf(old.DatasetId).Save(old);
        return new UpdateChangesetResponse { DatasetId = old.DatasetId, ChangesetId = replacement.Id };
    }

    private static ListChangesetsResponse List(ListChangesetsRequest request, OperationContext context)
    {
        var dataset = Lookup.Dataset(context, request.DatasetId);
        var (items, next) = context.Pager.Page(context.State.ChangesetsOf(dataset.Id), ServiceModel.ListChangesets.Name, dataset.Id, request.NextToken, request.MaxResults);
        return new ListChangesetsResponse { Changesets = items.Select(c => ToSummary(c, context)).ToList(), NextToken = next };
    }

    private static void ScheduleIngestion(OperationContext context, ChangesetRecord changeset)
    {
        if (changeset.Ingests && context.Jobs is { } jobs)
        {
            context.AfterCommit(() => jobs.IngestLater(changeset.DatasetId, changeset.Id));
        }
    }

    /// <summary>A replacement that failed replaced nothing, so the changeset it meant to replace may be updated again.</summary>
    private static bool HasFailed(OperationContext context, string datasetId, string changesetId) =>
        context.State.ChangesetsOf(datasetId).Find(changesetId) is { } c && Lifecycle.ChangesetStatus(c, context.Now) == "FAILED";

    private static ChangesetRecord? LatestReplaceable(OperationContext context, string datasetId)
    {
        var changesets = context.State.ChangesetsOf(datasetId).Ordered;
        for (int i = changesets.Count - 1; i >= 0; i--)
        {
            var c = changesets[i];
            if (Lifecycle.ChangesetStatus(c, context.Now) == "SUCCESS" && (c.UpdatedByChangesetId is null || HasFailed(context, datasetId, c.UpdatedByChangesetId)))
            {
                return c;
            }
        }

        return null;
    }

    private static ChangesetRecord NewChangeset(OperationContext context, string datasetId, string changeType, System.Collections.Generic.Dictionary<string, string> sourceParams, System.Collections.Generic.Dictionary<string, string> formatParams)
    {
        if (!sourceParams.TryGetValue(SourcePathKey, out var sourcePath))
        {
            throw ApiException.Validation($"'sourceParams' must contain '{SourcePathKey}'.");
        }

        var id = IdGenerator.NewId();
        var now = context.Now;
        var failure = FailureMarker.Parse(sourcePath);
        return new ChangesetRecord
        {
            Id = id,
            DatasetId = datasetId,
            Arn = context.Arns.Changeset(datasetId, id),
            ChangeType = changeType,
            SourceParams = sourceParams,
            FormatParams = formatParams,
            CreateTime = now,
            RunningAt = now + context.Timings.ChangesetPending,
            CompletedAt = now + context.Timings.ChangesetPending + context.Timings.ChangesetRunning,
            FailureCategory = failure?.Category,
            FailureMessage = failure?.Message,
            Ingests = failure is null && context.Jobs is not null,
        };
    }

    private static ChangesetSummary ToSummary(ChangesetRecord c, OperationContext context)
    {
        var status = Lifecycle.ChangesetStatus(c, context.Now);
        System.DateTimeOffset? activeUntil = null;
        if (c.UpdatedByChangesetId is { } updaterId && context.State.ChangesetsOf(c.DatasetId).Find(updaterId) is { } updater)
        {
            activeUntil = Lifecycle.ActiveFrom(updater, context.Now);
        }

        return new ChangesetSummary
        {
            ChangesetId = c.Id,
            ChangesetArn = c.Arn,
            DatasetId = c.DatasetId,
            ChangeType = ChangeType.FindValue(c.ChangeType),
            SourceParams = c.SourceParams,
            FormatParams = c.FormatParams,
            CreateTime = c.CreateTime,
            Status = IngestionStatus.FindValue(status),
            ErrorInfo = status == "FAILED"
                ? new ChangesetErrorInfo { ErrorMessage = c.FailureMessage, ErrorCategory = ErrorCategory.FindValue(c.FailureCategory!) }
                : null,
            ActiveFromTimestamp = Lifecycle.ActiveFrom(c, context.Now),
            ActiveUntilTimestamp = activeUntil,
            UpdatesChangesetId = c.UpdatesChangesetId,
            UpdatedByChangesetId = c.UpdatedByChangesetId,
        };
    }
}
