using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>
/// CreatePermissionGroup, GetPermissionGroup, UpdatePermissionGroup, DeletePermissionGroup,
/// ListPermissionGroups. Names are unique ignoring case; deleting a group ends its memberships.
/// </summary>
internal static class PermissionGroupHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add<CreatePermissionGroupRequest, CreatePermissionGroupResponse>(ServiceModel.CreatePermissionGroup, Create);
        registry.Add<GetPermissionGroupRequest, GetPermissionGroupResponse>(ServiceModel.GetPermissionGroup, Get);
        registry.Add<UpdatePermissionGroupRequest, UpdatePermissionGroupResponse>(ServiceModel.UpdatePermissionGroup, Update);
        registry.Add<DeletePermissionGroupRequest, DeletePermissionGroupResponse>(ServiceModel.DeletePermissionGroup, Delete);
        registry.Add<ListPermissionGroupsRequest, ListPermissionGroupsResponse>(ServiceModel.ListPermissionGroups, List);
    }

    public static PermissionGroup ToModel(PermissionGroupRecord g) => new()
    {
        PermissionGroupId = g.Id,
        Name = g.Name,
        Description = g.Description,
        ApplicationPermissions = g.ApplicationPermissions.Select(ApplicationPermission.FindValue).ToList(),
        CreateTime = g.CreateTime,
        LastModifiedTime = g.LastModifiedTime,
    };

    private static CreatePermissionGroupResponse Create(CreatePermissionGroupRequest request, OperationContext context)
    {
        EnsureNameFree(context, request.Name!, groupId: null);
        var group = new PermissionGroupRecord
        {
            Id = IdGenerator.NewId(),
            Name = request.Name!,
            Description = request.Description,
            ApplicationPermissions = Values(request.ApplicationPermissions!),
            CreateTime = context.Now,
            LastModifiedTime = context.Now,
        };
        context.State.PermissionGroups.Save(group);
        context.State.GroupNameOwners[group.Name] = group.Id;
        return new CreatePermissionGroupResponse { PermissionGroupId = group.Id };
    }

    private static GetPermissionGroupResponse Get(GetPermissionGroupRequest request, OperationContext context) =>
        new() { PermissionGroup = ToModel(Lookup.PermissionGroup(context, request.PermissionGroupId)) };

    private static UpdatePermissionGroupResponse Update(UpdatePermissionGroupRequest request, OperationContext context)
    {
        var group = Lookup.PermissionGroup(context, request.PermissionGroupId);
        if (request.Name is { } name && name != group.Name)
        {
            EnsureNameFree(context, name, group.Id);
            context.State.GroupNameOwners.Remove(group.Name);
            context.State.GroupNameOwners[name] = group.Id;
            group.Name = name;
        }

        group.Description = request.Description ?? group.Description;
        if (request.ApplicationPermissions is { } permissions)
        {
            group.ApplicationPermissions = Values(permissions);
        }

        group.LastModifiedTime = context.Now;
        context.State.PermissionGroups.Save(group);
        return new UpdatePermissionGroupResponse { PermissionGroupId = group.Id };
    }

    private static DeletePermissionGroupResponse Delete(DeletePermissionGroupRequest request, OperationContext context)
    {
        var group = Lookup.PermissionGroup(context, request.PermissionGroupId);
        context.State.Memberships.RemoveGroup(group.Id);
        context.State.GroupNameOwners.Remove(group.Name);
        context.State.PermissionGroups.Remove(group.Id);
        return new DeletePermissionGroupResponse { PermissionGroupId = group.Id };
    }

    private static ListPermissionGroupsResponse List(ListPermissionGroupsRequest request, OperationContext context)
    {
        var (items, next) = context.Pager.Page(context.State.PermissionGroups, ServiceModel.ListPermissionGroups.Name, string.Empty, request.NextToken, request.MaxResults);
        return new ListPermissionGroupsResponse { PermissionGroups = items.Select(ToModel).ToList(), NextToken = next };
    }

    private static List<string> Values(List<ApplicationPermission> permissions) => permissions.Select(p => p.Value).Distinct().ToList();

    private static void EnsureNameFree(OperationContext context, string name, string? groupId)
    {
        if (context.State.GroupNameOwners.TryGetValue(name, out var owner) && owner != groupId)
        {
            // The name is sensitive in the model, so the message does not repeat it.
            throw ApiException.Conflict($"A permission group with this name already exists ('{owner}').", Reasons.PermissionGroupNameInUse);
        }
    }
}
