using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>CreateDataView, GetDataView, ListDataViews, GetExternalDataViewAccessDetails.</summary>
internal static class DataViewHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add<CreateDataViewRequest, CreateDataViewResponse>(ServiceModel.CreateDataView, Create);
        registry.Add<GetDataViewRequest, GetDataViewResponse>(ServiceModel.GetDataView, Get);
        registry.Add<ListDataViewsRequest, ListDataViewsResponse>(ServiceModel.ListDataViews, List);
        registry.Add<GetExternalDataViewAccessDetailsRequest, GetExternalDataViewAccessDetailsResponse>(ServiceModel.GetExternalDataViewAccessDetails, ExternalAccess);
    }

    private static CreateDataViewResponse Create(CreateDataViewRequest request, OperationContext context)
    {
        var dataset = Lookup.Dataset(context, request.DatasetId);
        var id = IdGenerator.NewId();
        var now = context.Now;
        var failure = FailureMarker.Parse(request.DestinationTypeParams?.DestinationType);
        var dataView = new DataViewRecord
        {
            Id = id,
            DatasetId = dataset.Id,
            Arn = context.Arns.DataView(dataset.Id, id),
            AutoUpdate = request.AutoUpdate ?? false,
            SortColumns = request.SortColumns,
            PartitionColumns = request.PartitionColumns,
            AsOfTimestamp = request.AsOfTimestamp ?? now,
            DestinationTypeParams = request.DestinationTypeParams,
            CreateTime = now,
            LastModifiedTime = now,
            RunningAt = now + context.Timings.DataViewStarting,
            CompletedAt = now + context.Timings.DataViewStarting + context.Timings.DataViewRunning,
            FailureCategory = failure?.Category,
            FailureMessage = failure?.Message,
            Exports = failure is null && context.Jobs is not null,
        };
        context.State.AddDataView(dataView);
        if (dataView.Exports && context.Jobs is { } jobs)
        {
            context.AfterCommit(() => jobs.ExportLater(dataView.DatasetId, dataView.Id));
        }

        return new CreateDataViewResponse { DatasetId = dataset.Id, DataViewId = id };
    }

    private static GetDataViewResponse Get(GetDataViewRequest request, OperationContext context)
    {
        var s = ToSummary(Lookup.DataView(context, request.DatasetId, request.DataViewId), context);
        return new GetDataViewResponse
        {
            AutoUpdate = s.AutoUpdate,
            PartitionColumns = s.PartitionColumns,
            DatasetId = s.DatasetId,
            AsOfTimestamp = s.AsOfTimestamp,
            ErrorInfo = s.ErrorInfo,
            LastModifiedTime = s.LastModifiedTime,
            CreateTime = s.CreateTime,
            SortColumns = s.SortColumns,
            DataViewId = s.DataViewId,
            DataViewArn = s.DataViewArn,
            DestinationTypeParams = s.DestinationTypeProperties,
            Status = s.Status,
        };
    }

    private static ListDataViewsResponse List(ListDataViewsRequest request, OperationContext context)
    {
        var dataset = Lookup.Dataset(context, request.DatasetId);
        var (items, next) = context.Pager.Page(context.State.DataViewsOf(dataset.Id), ServiceModel.ListDataViews.Name, dataset.Id, request.NextToken, request.MaxResults);
        return new ListDataViewsResponse { DataViews = items.Select(d => ToSummary(d, context)).ToList(), NextToken = next };
    }

    private static GetExternalDataViewAccessDetailsResponse ExternalAccess(GetExternalDataViewAccessDetailsRequest request, OperationContext context)
    {
        var dataView = Lookup.DataView(context, request.DatasetId, request.DataViewId);
        var location = context.Options.WorkingLocation;

        // Without storage these are made up and sign nothing. With storage the STS beside it minted
        // them, so they read the export from S3, and the emulator accepts them for its API as well.
        var expiration = context.Now.AddHours(1);
        var credentials = context.Minted is null
            ? new AwsCredentials { AccessKeyId = IdGenerator.NewTemporaryAccessKeyId(), SecretAccessKey = IdGenerator.NewSecret(), SessionToken = IdGenerator.NewSessionToken(), Expiration = expiration }
            : ToAwsCredentials(CredentialHandlers.NewCredential(context, expiration));
        return new GetExternalDataViewAccessDetailsResponse
        {
            Credentials = credentials,
            S3Location = new S3Location
            {
                Bucket = location.Bucket,
                Key = ExportPrefix(location, dataView.DatasetId, dataView.Id),
            },
        };
    }

    /// <summary>Where a view's files are written and GetExternalDataViewAccessDetails points.</summary>
    public static string ExportPrefix(WorkingLocationOptions location, string datasetId, string dataViewId) =>
        $"{location.PathPrefix}dataviews/{datasetId}/{dataViewId}/";

    private static AwsCredentials ToAwsCredentials(TemporaryCredentialRecord c) => new()
    {
        AccessKeyId = c.Id,
        SecretAccessKey = c.SecretAccessKey,
        SessionToken = c.SessionToken,
        Expiration = c.Expiration,
    };

    private static DataViewSummary ToSummary(DataViewRecord d, OperationContext context)
    {
        var status = Lifecycle.DataViewStatus(d, context.Now);
        return new DataViewSummary
        {
            DataViewId = d.Id,
            DataViewArn = d.Arn,
            DatasetId = d.DatasetId,
            AsOfTimestamp = d.AsOfTimestamp,
            PartitionColumns = d.PartitionColumns,
            SortColumns = d.SortColumns,
            Status = DataViewStatus.FindValue(status),
            ErrorInfo = status == "FAILED"
                ? new DataViewErrorInfo { ErrorMessage = d.FailureMessage, ErrorCategory = ErrorCategory.FindValue(d.FailureCategory!) }
                : null,
            DestinationTypeProperties = d.DestinationTypeParams,
            AutoUpdate = d.AutoUpdate,
            CreateTime = d.CreateTime,
            LastModifiedTime = d.LastModifiedTime,
        };
    }
}
