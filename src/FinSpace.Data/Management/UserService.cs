using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>Users: list, read, create, change, enable, disable, reset password.</summary>
    public sealed class UserService
    {
        private readonly IFinSpaceDataClient _client;

        public UserService(IFinSpaceDataClient client)
        {
            _client = client;
        }

        /// <summary>ListAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<User> List(int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListAsync(pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        public IAsyncEnumerable<User> ListAsync(int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            _client.Paginators.ListUsers(new ListUsersRequest { MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                .Map(ResourceMapper.ToUser, cancellationToken);

        /// <summary>ListByPermissionGroupAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<User> ListByPermissionGroup(string permissionGroupId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListByPermissionGroupAsync(permissionGroupId, pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        /// <summary>The members of a permission group, with the membership status.</summary>
        public IAsyncEnumerable<User> ListByPermissionGroupAsync(string permissionGroupId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            AsyncStream.After(
                () => new ParameterCheck(ServiceModel.ListUsersByPermissionGroup).Id("PermissionGroupId", "permissionGroupId", permissionGroupId).ThrowIfInvalid(),
                () => _client.Paginators.ListUsersByPermissionGroup(new ListUsersByPermissionGroupRequest { PermissionGroupId = permissionGroupId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                    .Map(ResourceMapper.ToUser, cancellationToken),
                cancellationToken);

        public async Task<User> GetAsync(string userId, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetUser).Id("UserId", "userId", userId).ThrowIfInvalid();
            var response = await _client.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToUser(response);
        }

        /// <summary>Creates the user and returns its id; the token sent is derived from the caller's and the e-mail address.</summary>
        public async Task<string> CreateAsync(UserDefinition definition, CancellationToken cancellationToken = default)
        {
            definition.Validate();
            var response = await _client.CreateUserAsync(
                new CreateUserRequest
                {
                    EmailAddress = definition.EmailAddress,
                    Type = UserType.FindValue(definition.Type ?? "APP_USER"),
                    FirstName = definition.FirstName,
                    LastName = definition.LastName,
                    ApiAccess = definition.ApiAccess is null ? null : ApiAccess.FindValue(definition.ApiAccess),
                    ApiAccessPrincipalArn = definition.ApiAccessPrincipalArn,
                    ClientToken = ClientTokens.ForItem(definition.ClientToken, definition.EmailAddress),
                },
                cancellationToken).ConfigureAwait(false);
            return response.UserId ?? string.Empty;
        }

        /// <summary>Sends only what changes: UpdateUser leaves members it is not given as they are. <paramref name="changes"/> is never modified.</summary>
        public async Task UpdateAsync(string userId, UserChanges changes, CancellationToken cancellationToken = default)
        {
            changes.Validate(userId);
            await _client.UpdateUserAsync(
                new UpdateUserRequest
                {
                    UserId = userId,
                    Type = UserChanges.Sent(changes.Type) is { } type ? UserType.FindValue(type) : null,
                    FirstName = UserChanges.Sent(changes.FirstName),
                    LastName = UserChanges.Sent(changes.LastName),
                    ApiAccess = UserChanges.Sent(changes.ApiAccess) is { } access ? ApiAccess.FindValue(access) : null,
                    ApiAccessPrincipalArn = UserChanges.Sent(changes.ApiAccessPrincipalArn),
                    ClientToken = ClientTokens.ForItem(changes.ClientToken, userId),
                },
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The token sent is derived from the caller's <paramref name="clientToken"/> and the id.</summary>
        public async Task EnableAsync(string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.EnableUser).Id("UserId", "userId", userId).CallerToken(clientToken).ThrowIfInvalid();
            await _client.EnableUserAsync(new EnableUserRequest { UserId = userId, ClientToken = ClientTokens.ForItem(clientToken, userId) }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The token sent is derived from the caller's <paramref name="clientToken"/> and the id.</summary>
        public async Task DisableAsync(string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.DisableUser).Id("UserId", "userId", userId).CallerToken(clientToken).ThrowIfInvalid();
            await _client.DisableUserAsync(new DisableUserRequest { UserId = userId, ClientToken = ClientTokens.ForItem(clientToken, userId) }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Resets the password; the temporary password comes back as plain text to be protected before output.</summary>
        public async Task<PlainTextUserPasswordReset> ResetPasswordAsync(string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.ResetUserPassword).Id("UserId", "userId", userId).CallerToken(clientToken).ThrowIfInvalid();
            var response = await _client.ResetUserPasswordAsync(new ResetUserPasswordRequest { UserId = userId, ClientToken = ClientTokens.ForItem(clientToken, userId) }, cancellationToken).ConfigureAwait(false);
            return new PlainTextUserPasswordReset { UserId = response.UserId ?? userId, TemporaryPassword = response.TemporaryPassword };
        }

        public static UserPasswordReset Protect(PlainTextUserPasswordReset plain) =>
            new UserPasswordReset { UserId = plain.UserId, TemporaryPassword = Secrets.Protect(plain.TemporaryPassword) };
    }
}
