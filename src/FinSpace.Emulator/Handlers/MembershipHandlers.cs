using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>
/// AssociateUserToPermissionGroup, DisassociateUserFromPermissionGroup and the two membership lists,
/// which read the same membership records from either side.
/// </summary>
internal static class MembershipHandlers
{
    private static readonly PermissionGroupMembershipStatus Member = PermissionGroupMembershipStatus.AdditionSuccess;

    public static void Register(HandlerRegistry registry)
    {
        registry.Add<AssociateUserToPermissionGroupRequest, AssociateUserToPermissionGroupResponse>(ServiceModel.AssociateUserToPermissionGroup, Associate);
        registry.Add<DisassociateUserFromPermissionGroupRequest, DisassociateUserFromPermissionGroupResponse>(ServiceModel.DisassociateUserFromPermissionGroup, Disassociate);
        registry.Add<ListUsersByPermissionGroupRequest, ListUsersByPermissionGroupResponse>(ServiceModel.ListUsersByPermissionGroup, ListUsers);
        registry.Add<ListPermissionGroupsByUserRequest, ListPermissionGroupsByUserResponse>(ServiceModel.ListPermissionGroupsByUser, ListGroups);
    }

    private static AssociateUserToPermissionGroupResponse Associate(AssociateUserToPermissionGroupRequest request, OperationContext context)
    {
        var group = Lookup.PermissionGroup(context, request.PermissionGroupId);
        var user = Lookup.User(context, request.UserId);
        if (context.State.Memberships.Contains(group.Id, user.Id))
        {
            throw ApiException.Conflict($"User '{user.Id}' is already a member of permission group '{group.Id}'.", Reasons.AlreadyMember);
        }

        context.State.Memberships.Add(new MembershipRecord { PermissionGroupId = group.Id, UserId = user.Id, CreateTime = context.Now });
        return new AssociateUserToPermissionGroupResponse { StatusCode = 200 };
    }

    private static DisassociateUserFromPermissionGroupResponse Disassociate(DisassociateUserFromPermissionGroupRequest request, OperationContext context)
    {
        var group = Lookup.PermissionGroup(context, request.PermissionGroupId);
        var user = Lookup.User(context, request.UserId);
        if (!context.State.Memberships.Remove(group.Id, user.Id))
        {
            throw ApiException.NotFound($"User '{user.Id}' is not a member of permission group '{group.Id}'.", Reasons.MembershipNotFound);
        }

        return new DisassociateUserFromPermissionGroupResponse { StatusCode = 200 };
    }

    private static ListUsersByPermissionGroupResponse ListUsers(ListUsersByPermissionGroupRequest request, OperationContext context)
    {
        var group = Lookup.PermissionGroup(context, request.PermissionGroupId);
        var (items, next) = context.Pager.Page(context.State.Memberships.MembersOf(group.Id), ServiceModel.ListUsersByPermissionGroup.Name, group.Id, request.NextToken, request.MaxResults);
        var users = items.Select(m =>
        {
            var u = UserHandlers.ToModel(context.State.Users.Find(m.UserId)!, context.Now);
            return new UserByPermissionGroup
            {
                UserId = u.UserId,
                Status = u.Status,
                FirstName = u.FirstName,
                LastName = u.LastName,
                EmailAddress = u.EmailAddress,
                Type = u.Type,
                ApiAccess = u.ApiAccess,
                ApiAccessPrincipalArn = u.ApiAccessPrincipalArn,
                MembershipStatus = Member,
            };
        }).ToList();
        return new ListUsersByPermissionGroupResponse { Users = users, NextToken = next };
    }

    private static ListPermissionGroupsByUserResponse ListGroups(ListPermissionGroupsByUserRequest request, OperationContext context)
    {
        var user = Lookup.User(context, request.UserId);
        var (items, next) = context.Pager.Page(context.State.Memberships.GroupsOf(user.Id), ServiceModel.ListPermissionGroupsByUser.Name, user.Id, request.NextToken, request.MaxResults);
        var groups = items.Select(m => new PermissionGroupByUser
        {
            PermissionGroupId = m.PermissionGroupId,
            Name = context.State.PermissionGroups.Find(m.PermissionGroupId)!.Name,
            MembershipStatus = Member,
        }).ToList();
        return new ListPermissionGroupsByUserResponse { PermissionGroups = groups, NextToken = next };
    }
}
