using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>Permission groups and their memberships.</summary>
    public sealed class PermissionGroupService
    {
        private readonly IFinSpaceDataClient _client;

        public PermissionGroupService(IFinSpaceDataClient client)
        {
            _client = client;
        }

        /// <summary>ListAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<PermissionGroup> List(int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListAsync(pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        public IAsyncEnumerable<PermissionGroup> ListAsync(int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            _client.Paginators.ListPermissionGroups(new ListPermissionGroupsRequest { MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                .Map(ResourceMapper.ToPermissionGroup, cancellationToken);

        /// <summary>ListByUserAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<UserPermissionGroup> ListByUser(string userId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListByUserAsync(userId, pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        /// <summary>The groups a user belongs to: id, name and membership status, all the API returns for this call.</summary>
        public IAsyncEnumerable<UserPermissionGroup> ListByUserAsync(string userId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            AsyncStream.After(
                () => new ParameterCheck(ServiceModel.ListPermissionGroupsByUser).Id("UserId", "userId", userId).ThrowIfInvalid(),
                () => _client.Paginators.ListPermissionGroupsByUser(new ListPermissionGroupsByUserRequest { UserId = userId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                    .Map(g => ResourceMapper.ToUserPermissionGroup(userId, g), cancellationToken),
                cancellationToken);

        public async Task<PermissionGroup> GetAsync(string permissionGroupId, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetPermissionGroup).Id("PermissionGroupId", "permissionGroupId", permissionGroupId).ThrowIfInvalid();
            var response = await _client.GetPermissionGroupAsync(new GetPermissionGroupRequest { PermissionGroupId = permissionGroupId }, cancellationToken).ConfigureAwait(false);
            return response.PermissionGroup is null
                ? new PermissionGroup { PermissionGroupId = permissionGroupId }
                : ResourceMapper.ToPermissionGroup(response.PermissionGroup);
        }

        /// <summary>Creates the group and returns its id; the token sent is derived from the caller's and the name.</summary>
        public async Task<string> CreateAsync(PermissionGroupDefinition definition, CancellationToken cancellationToken = default)
        {
            definition.Validate();
            var response = await _client.CreatePermissionGroupAsync(
                new CreatePermissionGroupRequest
                {
                    Name = definition.Name,
                    Description = definition.Description,
                    ApplicationPermissions = Permissions(definition.ApplicationPermissions),
                    ClientToken = ClientTokens.ForItem(definition.ClientToken, definition.Name),
                },
                cancellationToken).ConfigureAwait(false);
            return response.PermissionGroupId ?? string.Empty;
        }

        /// <summary>Sends only what changes: UpdatePermissionGroup leaves members it is not given as they are. <paramref name="changes"/> is never modified.</summary>
        public async Task UpdateAsync(string permissionGroupId, PermissionGroupChanges changes, CancellationToken cancellationToken = default)
        {
            changes.Validate(permissionGroupId);
            await _client.UpdatePermissionGroupAsync(
                new UpdatePermissionGroupRequest
                {
                    PermissionGroupId = permissionGroupId,
                    Name = changes.Name,
                    Description = changes.Description,
                    ApplicationPermissions = changes.ApplicationPermissions is null ? null : Permissions(changes.ApplicationPermissions),
                    ClientToken = ClientTokens.ForItem(changes.ClientToken, permissionGroupId),
                },
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deletes the group; the token sent is derived from the caller's <paramref name="clientToken"/> and the id.</summary>
        public async Task DeleteAsync(string permissionGroupId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.DeletePermissionGroup).Id("PermissionGroupId", "permissionGroupId", permissionGroupId).CallerToken(clientToken).ThrowIfInvalid();
            await _client.DeletePermissionGroupAsync(new DeletePermissionGroupRequest { PermissionGroupId = permissionGroupId, ClientToken = ClientTokens.ForItem(clientToken, permissionGroupId) }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The token sent is derived from the caller's <paramref name="clientToken"/>, the group and the user.</summary>
        public async Task<PermissionGroupMembership> AddUserAsync(string permissionGroupId, string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.AssociateUserToPermissionGroup).Id("PermissionGroupId", "permissionGroupId", permissionGroupId).Id("UserId", "userId", userId).CallerToken(clientToken).ThrowIfInvalid();
            await _client.AssociateUserToPermissionGroupAsync(
                new AssociateUserToPermissionGroupRequest { PermissionGroupId = permissionGroupId, UserId = userId, ClientToken = ClientTokens.ForItem(clientToken, permissionGroupId, userId) },
                cancellationToken).ConfigureAwait(false);
            return new PermissionGroupMembership { PermissionGroupId = permissionGroupId, UserId = userId };
        }

        /// <summary>The token sent is derived from the caller's <paramref name="clientToken"/>, the group and the user.</summary>
        public async Task<PermissionGroupMembership> RemoveUserAsync(string permissionGroupId, string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.DisassociateUserFromPermissionGroup).Id("PermissionGroupId", "permissionGroupId", permissionGroupId).Id("UserId", "userId", userId).CallerToken(clientToken).ThrowIfInvalid();
            await _client.DisassociateUserFromPermissionGroupAsync(
                new DisassociateUserFromPermissionGroupRequest { PermissionGroupId = permissionGroupId, UserId = userId, ClientToken = ClientTokens.ForItem(clientToken, permissionGroupId, userId) },
                cancellationToken).ConfigureAwait(false);
            return new PermissionGroupMembership { PermissionGroupId = permissionGroupId, UserId = userId };
        }

        private static List<ApplicationPermission> Permissions(IEnumerable<string> names) =>
            names.Distinct(System.StringComparer.OrdinalIgnoreCase).Select(ApplicationPermission.FindValue).ToList();
    }
}
