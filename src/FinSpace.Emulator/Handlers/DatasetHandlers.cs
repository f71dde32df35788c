using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>CreateDataset, GetDataset, UpdateDataset, DeleteDataset, ListDatasets.</summary>
internal static class DatasetHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add<CreateDatasetRequest, CreateDatasetResponse>(ServiceModel.CreateDataset, Create);
        registry.Add<GetDatasetRequest, GetDatasetResponse>(ServiceModel.GetDataset, Get);
        registry.Add<UpdateDatasetRequest, UpdateDatasetResponse>(ServiceModel.UpdateDataset, Update);
        registry.Add<DeleteDatasetRequest, DeleteDatasetResponse>(ServiceModel.DeleteDataset, Delete);
        registry.Add<ListDatasetsRequest, ListDatasetsResponse>(ServiceModel.ListDatasets, List);
    }

    private static CreateDatasetResponse Create(CreateDatasetRequest request, OperationContext context)
    {
        if (request.PermissionGroupParams?.PermissionGroupId is { } groupId)
        {
            Lookup.PermissionGroup(context, groupId);
        }

        EnsureAliasFree(context, request.Alias, datasetId: null);
        var id = IdGenerator.NewId();
        var now = context.Now;
        var dataset = new DatasetRecord
        {
            Id = id,
            Arn = context.Arns.Dataset(id),
            Title = request.DatasetTitle!,
            Kind = request.Kind!.Value,
            Description = request.DatasetDescription,
            Alias = request.Alias,
            OwnerInfo = request.OwnerInfo,
            SchemaDefinition = request.SchemaDefinition,
            PermissionGroupParams = request.PermissionGroupParams,
            CreateTime = now,
            LastModifiedTime = now,
            RunningAt = now + context.Timings.DatasetPending,
            CompletedAt = now + context.Timings.DatasetPending + context.Timings.DatasetRunning,
        };
        context.State.Datasets.Save(dataset);
        if (dataset.Alias is { } alias)
        {
            context.State.AliasOwners[alias] = id;
        }

        return new CreateDatasetResponse { DatasetId = id };
    }

    private static GetDatasetResponse Get(GetDatasetRequest request, OperationContext context)
    {
        var d = Lookup.Dataset(context, request.DatasetId);
        return new GetDatasetResponse
        {
            DatasetId = d.Id,
            DatasetArn = d.Arn,
            DatasetTitle = d.Title,
            Kind = DatasetKind.FindValue(d.Kind),
            DatasetDescription = d.Description,
            CreateTime = d.CreateTime,
            LastModifiedTime = d.LastModifiedTime,
            SchemaDefinition = d.SchemaDefinition,
            Alias = d.Alias,
            Status = DatasetStatus.FindValue(Lifecycle.DatasetStatus(d, context.Now)),
        };
    }

    private static UpdateDatasetResponse Update(UpdateDatasetRequest request, OperationContext context)
    {
        var d = Lookup.Dataset(context, request.DatasetId);
        EnsureAliasFree(context, request.Alias, d.Id);
        if (request.Alias is { } alias && alias != d.Alias)
        {
            if (d.Alias is { } old)
            {
                context.State.AliasOwners.Remove(old);
            }

            context.State.AliasOwners[alias] = d.Id;
            d.Alias = alias;
        }

        d.Title = request.DatasetTitle!;
        d.Kind = request.Kind!.Value;
        d.Description = request.DatasetDescription ?? d.Description;
        d.SchemaDefinition = request.SchemaDefinition ?? d.SchemaDefinition;
        d.LastModifiedTime = context.Now;
        context.State.Datasets.Save(d);
        return new UpdateDatasetResponse { DatasetId = d.Id };
    }

    private static DeleteDatasetResponse Delete(DeleteDatasetRequest request, OperationContext context)
    {
        var d = Lookup.Dataset(context, request.DatasetId);
        var changesets = context.State.ChangesetsOf(d.Id).Ordered.Select(c => c.Id).ToArray();
        context.State.RemoveDataset(d);
        context.AfterCommit(() =>
        {
            foreach (var id in changesets)
            {
                context.Data.Delete(id);
            }
        });
        return new DeleteDatasetResponse { DatasetId = d.Id };
    }

    private static ListDatasetsResponse List(ListDatasetsRequest request, OperationContext context)
    {
        var (items, next) = context.Pager.Page(context.State.Datasets, ServiceModel.ListDatasets.Name, string.Empty, request.NextToken, request.MaxResults);
        return new ListDatasetsResponse { Datasets = items.Select(ToDataset).ToList(), NextToken = next };
    }

    private static Dataset ToDataset(DatasetRecord d) => new()
    {
        DatasetId = d.Id,
        DatasetArn = d.Arn,
        DatasetTitle = d.Title,
        Kind = DatasetKind.FindValue(d.Kind),
        DatasetDescription = d.Description,
        OwnerInfo = d.OwnerInfo,
        CreateTime = d.CreateTime,
        LastModifiedTime = d.LastModifiedTime,
        SchemaDefinition = d.SchemaDefinition,
        Alias = d.Alias,
    };

    private static void EnsureAliasFree(OperationContext context, string? alias, string? datasetId)
    {
        if (alias is not null && context.State.AliasOwners.TryGetValue(alias, out var owner) && owner != datasetId)
        {
            throw ApiException.Conflict($"The alias '{alias}' is already used by dataset '{owner}'.", Reasons.AliasInUse);
        }
    }
}
