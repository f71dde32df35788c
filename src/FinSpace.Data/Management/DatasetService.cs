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
            new ParameterCheck(ServiceModel.GetDataset).Id("DatasetId", "datasetId", datasetId).ThrowIfInvalid();
            var response = await _client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToDataset(response);
        }

        /// <summary>
        /// The dataset just created from <paramref name="definition"/>, read back: GetDataset gives the
        /// status but no owner, so the owner is the one CreateDataset was sent (what the service stored).
        /// </summary>
        public async Task<Dataset> GetCreatedAsync(string datasetId, DatasetDefinition definition, CancellationToken cancellationToken = default)
        {
            var dataset = await GetAsync(datasetId, cancellationToken).ConfigureAwait(false);
            if (dataset.Owner is null && definition.Owner is { } owner)
            {
                dataset.Owner = new DatasetOwner { Name = owner.Name, Email = owner.Email, PhoneNumber = owner.PhoneNumber };
            }

            return dataset;
        }

        /// <summary>
        /// Creates the dataset and returns its id. The token sent is derived from the caller's and
        /// what identifies this dataset (title, kind, alias, description), so one caller token over
        /// many datasets gives each its own, and a rerun repeats none.
        /// </summary>
        public async Task<string> CreateAsync(DatasetDefinition definition, CancellationToken cancellationToken = default)
        {
            definition.Validate();
            var kind = definition.CanonicalKind;
            var request = new CreateDatasetRequest
            {
                DatasetTitle = definition.Title,
                Kind = DatasetKind.FindValue(kind),
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
                ClientToken = ClientTokens.ForItem(definition.ClientToken, definition.Title, kind, definition.Alias, definition.Description),
            };
            var response = await _client.CreateDatasetAsync(request, cancellationToken).ConfigureAwait(false);
            return response.DatasetId ?? string.Empty;
        }

        /// <summary>
        /// Changes only what <paramref name="changes"/> sets. UpdateDataset replaces the whole
        /// dataset description (title and kind are required), so the current values are read first
        /// and sent back for everything the caller did not change — after the changes are checked, so a
        /// bad change sends nothing at all. <paramref name="changes"/> is never modified: one object may
        /// serve many datasets at once.
        /// </summary>
        public async Task UpdateAsync(string datasetId, DatasetChanges changes, CancellationToken cancellationToken = default)
        {
            changes.Validate(datasetId);
            var current = await _client.GetDatasetAsync(new GetDatasetRequest { DatasetId = datasetId }, cancellationToken).ConfigureAwait(false);
            var request = new UpdateDatasetRequest
            {
                DatasetId = datasetId,
                DatasetTitle = changes.Title ?? current.DatasetTitle,
                Kind = changes.Kind is null ? current.Kind : DatasetKind.FindValue(changes.Kind),
                DatasetDescription = changes.Description ?? current.DatasetDescription,
                Alias = changes.Alias ?? current.Alias,
                SchemaDefinition = changes.Schema is null ? current.SchemaDefinition : ResourceMapper.ToWire(changes.Schema),
                ClientToken = ClientTokens.ForItem(changes.ClientToken, datasetId),
            };
            await _client.UpdateDatasetAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // The service matches permission names exactly; a person may type them in any case.
        private static string Canonical(string permission) =>
            DatasetDefinition.KnownDatasetPermissions.FirstOrDefault(k => string.Equals(k, permission, System.StringComparison.OrdinalIgnoreCase)) ?? permission;

        /// <summary>Deletes the dataset; the token sent is derived from the caller's <paramref name="clientToken"/> and the id.</summary>
        public async Task DeleteAsync(string datasetId, string? clientToken = null, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.DeleteDataset).Id("DatasetId", "datasetId", datasetId).CallerToken(clientToken).ThrowIfInvalid();
            await _client.DeleteDatasetAsync(new DeleteDatasetRequest { DatasetId = datasetId, ClientToken = ClientTokens.ForItem(clientToken, datasetId) }, cancellationToken).ConfigureAwait(false);
        }
    }
}
