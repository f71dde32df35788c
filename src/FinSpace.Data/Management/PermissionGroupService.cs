using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Model;

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
        public IEnumerable<PermissionGroup> ListByUser(string userId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListByUserAsync(userId, pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        /// <summary>The groups a user belongs to, with the membership status.</summary>
        public IAsyncEnumerable<PermissionGroup> ListByUserAsync(string userId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            _client.Paginators.ListPermissionGroupsByUser(new ListPermissionGroupsByUserRequest { UserId = userId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                .Map(ResourceMapper.ToPermissionGroup, cancellationToken);

        public async Task<PermissionGroup> GetAsync(string permissionGroupId, CancellationToken cancellationToken = default)
        {
            var response = await _client.GetPermissionGroupAsync(new GetPermissionGroupRequest { PermissionGroupId = permissionGroupId }, cancellationToken).ConfigureAwait(false);
            return response.PermissionGroup is null
                ? new PermissionGroup { PermissionGroupId = permissionGroupId }
                : ResourceMapper.ToPermissionGroup(response.PermissionGroup);
        }

        /// <summary>Creates the group and returns its id.</summary>
        public async Task<string> CreateAsync(PermissionGroupDefinition definition, CancellationToken cancellationToken = default)
        {
            var response = await _client.CreatePermissionGroupAsync(
                new CreatePermissionGroupRequest
                {
                    Name = definition.Name,
                    Description = definition.Description,
                    ApplicationPermissions = Permissions(definition.ApplicationPermissions),
                    ClientToken = definition.ClientToken,
                },
                cancellationToken).ConfigureAwait(false);
            return response.PermissionGroupId ?? string.Empty;
        }

        /// <summary>Sends only what changes: UpdatePermissionGroup leaves members it is not given as they are.</summary>
        public async Task UpdateAsync(string permissionGroupId, PermissionGroupChanges changes, CancellationToken cancellationToken = default)
        {
            await _client.UpdatePermissionGroupAsync(
                new UpdatePermissionGroupRequest
                {
                    PermissionGroupId = permissionGroupId,
                    Name = changes.Name,
                    Description = changes.Description,
                    ApplicationPermissions = changes.ApplicationPermissions is null ? null : Permissions(changes.ApplicationPermissions),
                    ClientToken = changes.ClientToken,
                },
                cancellationToken).ConfigureAwait(false);
        }

        public async Task DeleteAsync(string permissionGroupId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            await _client.DeletePermissionGroupAsync(new DeletePermissionGroupRequest { PermissionGroupId = permissionGroupId, ClientToken = clientToken }, cancellationToken).ConfigureAwait(false);
        }

        public async Task<PermissionGroupMembership> AddUserAsync(string permissionGroupId, string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            var response = await _client.AssociateUserToPermissionGroupAsync(
                new AssociateUserToPermissionGroupRequest { PermissionGroupId = permissionGroupId, UserId = userId, ClientToken = clientToken },
                cancellationToken).ConfigureAwait(false);
            return new PermissionGroupMembership { PermissionGroupId = permissionGroupId, UserId = userId, StatusCode = response.StatusCode };
        }

        public async Task<PermissionGroupMembership> RemoveUserAsync(string permissionGroupId, string userId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            var response = await _client.DisassociateUserFromPermissionGroupAsync(
                new DisassociateUserFromPermissionGroupRequest { PermissionGroupId = permissionGroupId, UserId = userId, ClientToken = clientToken },
                cancellationToken).ConfigureAwait(false);
            return new PermissionGroupMembership { PermissionGroupId = permissionGroupId, UserId = userId, StatusCode = response.StatusCode };
        }

        private static List<ApplicationPermission> Permissions(IEnumerable<string> names) =>
            names.Distinct(System.StringComparer.OrdinalIgnoreCase).Select(ApplicationPermission.FindValue).ToList();
    }
}
