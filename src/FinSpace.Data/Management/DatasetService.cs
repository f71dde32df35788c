using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Model;

namespace FinSpace.Management
{
    /// <summary>Datasets: list, read, create, change, delete.</summary>
    public sealed class DatasetService
    {
        private readonly IFinSpaceDataClient _client;

        public DatasetService(IFinSpaceDataClient client)
        {
            _client = client;
        }

        /// <summary>ListAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<Dataset> List(int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListAsync(pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        /// <summary>Every dataset, page by page as the caller consumes them.</summary>
        public IAsyncEnumerable<Dataset> ListAsync(int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            _client.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                .Map(ResourceMapper.ToDataset, cancellationToken);

        public async Task<Dataset> GetAsync(string datasetId, CancellationToken cancellationToken = default)
        {
            var response = await _client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToDataset(response);
        }

        /// <summary>Creates the dataset and returns its id.</summary>
        public async Task<string> CreateAsync(DatasetDefinition definition, CancellationToken cancellationToken = default)
        {
            var request = new CreateDatasetRequest
            {
                DatasetTitle = definition.Title,
                Kind = DatasetKind.FindValue(definition.Kind),
                DatasetDescription = definition.Description,
                Alias = definition.Alias,
                OwnerInfo = definition.Owner is null
                    ? null
                    : new DatasetOwnerInfo { Name = definition.Owner.Name, Email = definition.Owner.Email, PhoneNumber = definition.Owner.PhoneNumber },
                SchemaDefinition = ResourceMapper.ToWire(definition.Schema),
                PermissionGroupParams = new PermissionGroupParams
                {
                    PermissionGroupId = definition.PermissionGroupId,
                    DatasetPermissions = definition.DatasetPermissions.Count == 0
                        ? null
                        : definition.DatasetPermissions.Select(p => new ResourcePermission { Permission = Canonical(p) }).ToList(),
                },
                ClientToken = definition.ClientToken,
            };
            var response = await _client.CreateDatasetAsync(request, cancellationToken).ConfigureAwait(false);
            return response.DatasetId ?? string.Empty;
        }

        /// <summary>
        /// Changes only what <paramref name="changes"/> sets. UpdateDataset replaces the whole
        /// dataset description (title and kind are required), so the current values are read first
        /// and sent back for everything the caller did not change.
        /// </summary>
        public async Task UpdateAsync(string datasetId, DatasetChanges changes, CancellationToken cancellationToken = default)
        {
            var current = await _client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }, cancellationToken).ConfigureAwait(false);
            var request = new UpdateDatasetRequest
            {
                DatasetId = datasetId,
                DatasetTitle = changes.Title ?? current.DatasetTitle,
                Kind = changes.Kind is null ? current.Kind : DatasetKind.FindValue(changes.Kind),
                DatasetDescription = changes.Description ?? current.DatasetDescription,
                Alias = changes.Alias ?? current.Alias,
                SchemaDefinition = changes.Schema is null ? current.SchemaDefinition : ResourceMapper.ToWire(changes.Schema),
                ClientToken = changes.ClientToken,
            };
            await _client.UpdateDatasetAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // The service matches permission names exactly; a person may type them in any case.
        private static string Canonical(string permission) =>
            DatasetDefinition.KnownDatasetPermissions.FirstOrDefault(k => string.Equals(k, permission, System.StringComparison.OrdinalIgnoreCase)) ?? permission;

        public async Task DeleteAsync(string datasetId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            await _client.DeleteDatasetAsync(new DeleteDatasetRequest { DatasetId = datasetId, ClientToken = clientToken }, cancellationToken).ConfigureAwait(false);
        }
    }
}
