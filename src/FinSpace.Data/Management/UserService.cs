using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Model;

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
            _client.Paginators.ListUsersByPermissionGroup(new ListUsersByPermissionGroupRequest { PermissionGroupId = permissionGroupId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                .Map(ResourceMapper.ToUser, cancellationToken);

        public async Task<User> GetAsync(string userId, CancellationToken cancellationToken = default)
        {
            var response = await _client.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToUser(response);
        }

        /// <summary>Creates the user and returns its id.</summary>
        public async Task<string> CreateAsync(UserDefinition definition, CancellationToken cancellationToken = default)
        {
            var response = await _client.CreateUserAsync(
                new CreateUserRequest
                {
                    EmailAddress = definition.EmailAddress,
                    Type = UserType.FindValue(definition.Type),
                    FirstName = definition.FirstName,
                    LastName = definition.LastName,
                    ApiAccess = definition.ApiAccess is null ? null : ApiAccess.FindValue(definition.ApiAccess),
                    ApiAccessPrincipalArn = definition.ApiAccessPrincipalArn,
                    ClientToken = definition.ClientToken,
                },
                cancellationToken).ConfigureAwait(false);
            return response.UserId ?? string.Empty;
        }

        /// <summary>Sends only what changes: UpdateUser leaves members it is not given as they are.</summary>
        public async Task UpdateAsync(string userId, UserChanges changes, CancellationToken cancellationToken = default)
        {
            await _client.UpdateUserAsync(
                new UpdateUserRequest
                {
                    UserId = userId,
                    Type = changes.Type is null ? null : UserType.FindValue(changes.Type),
                    FirstName = changes.FirstName,
                    LastName = changes.LastName,
                    ApiAccess = changes.ApiAccess is null ? null : ApiAccess.FindValue(changes.ApiAccess),
                    ApiAccessPrincipalArn = changes.ApiAccessPrincipalArn,
                    ClientToken = changes.ClientToken,
                },
                cancellationToken).ConfigureAwait(false);
        }

        public async Task EnableAsync(string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            await _client.EnableUserAsync(new EnableUserRequest { UserId = userId, ClientToken = clientToken }, cancellationToken).ConfigureAwait(false);
        }

        public async Task DisableAsync(string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            await _client.DisableUserAsync(new DisableUserRequest { UserId = userId, ClientToken = clientToken }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Resets the password; the temporary password comes back as plain text to be protected before output.</summary>
        public async Task<PlainTextUserPasswordReset> ResetPasswordAsync(string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            var response = await _client.ResetUserPasswordAsync(new ResetUserPasswordRequest { UserId = userId, ClientToken = clientToken }, cancellationToken).ConfigureAwait(false);
            return new PlainTextUserPasswordReset { UserId = response.UserId ?? userId, TemporaryPassword = response.TemporaryPassword };
        }

        public static UserPasswordReset Protect(PlainTextUserPasswordReset plain) =>
            new UserPasswordReset { UserId = plain.UserId, TemporaryPassword = Secrets.Protect(plain.TemporaryPassword) };
    }
}
