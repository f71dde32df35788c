using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>
/// CreateUser, GetUser, UpdateUser, EnableUser, DisableUser, ResetUserPassword, ListUsers. Email
/// addresses are unique ignoring case. A new user is CREATING, then ENABLED by itself; Enable/Disable
/// set the status from then on and stamp lastEnabledTime / lastDisabledTime.
/// </summary>
internal static class UserHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add<CreateUserRequest, CreateUserResponse>(ServiceModel.CreateUser, Create);
        registry.Add<GetUserRequest, GetUserResponse>(ServiceModel.GetUser, Get);
        registry.Add<UpdateUserRequest, UpdateUserResponse>(ServiceModel.UpdateUser, Update);
        registry.Add<EnableUserRequest, EnableUserResponse>(ServiceModel.EnableUser, Enable);
        registry.Add<DisableUserRequest, DisableUserResponse>(ServiceModel.DisableUser, Disable);
        registry.Add<ResetUserPasswordRequest, ResetUserPasswordResponse>(ServiceModel.ResetUserPassword, ResetPassword);
        registry.Add<ListUsersRequest, ListUsersResponse>(ServiceModel.ListUsers, List);
    }

    public static User ToModel(UserRecord u, System.DateTimeOffset now) => new()
    {
        UserId = u.Id,
        Status = UserStatus.FindValue(Lifecycle.UserStatus(u, now)),
        FirstName = u.FirstName,
        LastName = u.LastName,
        EmailAddress = u.EmailAddress,
        Type = UserType.FindValue(u.Type),
        ApiAccess = u.ApiAccess is null ? null : ApiAccess.FindValue(u.ApiAccess),
        ApiAccessPrincipalArn = u.ApiAccessPrincipalArn,
        CreateTime = u.CreateTime,
        LastEnabledTime = Lifecycle.LastEnabledTime(u, now),
        LastDisabledTime = u.LastDisabledTime,
        LastModifiedTime = u.LastModifiedTime,
    };

    private static CreateUserResponse Create(CreateUserRequest request, OperationContext context)
    {
        if (context.State.EmailOwners.TryGetValue(request.EmailAddress!, out var owner))
        {
            // The address is sensitive in the model, so the message names the owner, not the address.
            throw ApiException.Conflict($"A user with this email address already exists ('{owner}').", Reasons.EmailInUse);
        }

        var user = new UserRecord
        {
            Id = IdGenerator.NewId(),
            EmailAddress = request.EmailAddress!,
            Type = request.Type!.Value,
            FirstName = request.FirstName,
            LastName = request.LastName,
            ApiAccess = request.ApiAccess?.Value,
            ApiAccessPrincipalArn = request.ApiAccessPrincipalArn,
            CreateTime = context.Now,
            LastModifiedTime = context.Now,
            EnabledAt = context.Now + context.Timings.UserCreating,
        };
        context.State.Users.Save(user);
        context.State.EmailOwners[user.EmailAddress] = user.Id;
        return new CreateUserResponse { UserId = user.Id };
    }

    private static GetUserResponse Get(GetUserRequest request, OperationContext context)
    {
        var u = ToModel(Lookup.User(context, request.UserId), context.Now);
        return new GetUserResponse
        {
            UserId = u.UserId,
            Status = u.Status,
            FirstName = u.FirstName,
            LastName = u.LastName,
            EmailAddress = u.EmailAddress,
            Type = u.Type,
            ApiAccess = u.ApiAccess,
            ApiAccessPrincipalArn = u.ApiAccessPrincipalArn,
            CreateTime = u.CreateTime,
            LastEnabledTime = u.LastEnabledTime,
            LastDisabledTime = u.LastDisabledTime,
            LastModifiedTime = u.LastModifiedTime,
            LastLoginTime = u.LastLoginTime,
        };
    }

    private static UpdateUserResponse Update(UpdateUserRequest request, OperationContext context)
    {
        var user = Lookup.User(context, request.UserId);
        user.Type = request.Type?.Value ?? user.Type;
        user.FirstName = request.FirstName ?? user.FirstName;
        user.LastName = request.LastName ?? user.LastName;
        user.ApiAccess = request.ApiAccess?.Value ?? user.ApiAccess;
        user.ApiAccessPrincipalArn = request.ApiAccessPrincipalArn ?? user.ApiAccessPrincipalArn;
        user.LastModifiedTime = context.Now;
        context.State.Users.Save(user);
        return new UpdateUserResponse { UserId = user.Id };
    }

    private static EnableUserResponse Enable(EnableUserRequest request, OperationContext context)
    {
        var user = Lookup.User(context, request.UserId);
        user.ExplicitStatus = "ENABLED";
        user.LastEnabledTime = context.Now;
        user.LastModifiedTime = context.Now;
        context.State.Users.Save(user);
        return new EnableUserResponse { UserId = user.Id };
    }

    private static DisableUserResponse Disable(DisableUserRequest request, OperationContext context)
    {
        var user = Lookup.User(context, request.UserId);

        // Freeze the automatic enablement into an explicit value first, so lastEnabledTime survives.
        user.LastEnabledTime = Lifecycle.LastEnabledTime(user, context.Now);
        user.ExplicitStatus = "DISABLED";
        user.LastDisabledTime = context.Now;
        user.LastModifiedTime = context.Now;
        context.State.Users.Save(user);
        return new DisableUserResponse { UserId = user.Id };
    }

    private static ResetUserPasswordResponse ResetPassword(ResetUserPasswordRequest request, OperationContext context)
    {
        var user = Lookup.User(context, request.UserId);
        user.LastModifiedTime = context.Now;
        context.State.Users.Save(user);
        return new ResetUserPasswordResponse { UserId = user.Id, TemporaryPassword = IdGenerator.NewPassword() };
    }

    private static ListUsersResponse List(ListUsersRequest request, OperationContext context)
    {
        var (items, next) = context.Pager.Page(context.State.Users, ServiceModel.ListUsers.Name, string.Empty, request.NextToken, request.MaxResults);
        return new ListUsersResponse { Users = items.Select(u => ToModel(u, context.Now)).ToList(), NextToken = next };
    }
}
