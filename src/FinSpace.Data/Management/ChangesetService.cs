using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>Changesets of a dataset: list, read, create, change, wait.</summary>
    public sealed class ChangesetService
    {
        private readonly IFinSpaceDataClient _client;

        public ChangesetService(IFinSpaceDataClient client)
        {
            _client = client;
        }

        /// <summary>ListAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<Changeset> List(string datasetId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListAsync(datasetId, pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        public IAsyncEnumerable<Changeset> ListAsync(string datasetId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            AsyncStream.After(
                () => new ParameterCheck(ServiceModel.ListChangesets).Id("DatasetId", "datasetId", datasetId).ThrowIfInvalid(),
                () => _client.Paginators.ListChangesets(new ListChangesetsRequest { DatasetId = datasetId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                    .Map(ResourceMapper.ToChangeset, cancellationToken),
                cancellationToken);

        public async Task<Changeset> GetAsync(string datasetId, string changesetId, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetChangeset).Id("DatasetId", "datasetId", datasetId).Id("ChangesetId", "changesetId", changesetId).ThrowIfInvalid();
            var response = await _client.GetChangesetAsync(new GetChangesetRequest { DatasetId = datasetId, ChangesetId = changesetId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToChangeset(response);
        }

        /// <summary>
        /// Creates the changeset and returns its id. The token sent is derived from the caller's and
        /// what identifies this changeset (dataset, change type, source and format).
        /// </summary>
        public async Task<string> CreateAsync(string datasetId, ChangesetDefinition definition, CancellationToken cancellationToken = default)
        {
            definition.Validate(datasetId);
            var changeType = definition.CanonicalChangeType;
            var response = await _client.CreateChangesetAsync(
                new CreateChangesetRequest
                {
                    DatasetId = datasetId,
                    ChangeType = ChangeType.FindValue(changeType),
                    SourceParams = new Dictionary<string, string>(definition.SourceParams),
                    FormatParams = new Dictionary<string, string>(definition.FormatParams),
                    ClientToken = ClientTokens.ForItem(definition.ClientToken, datasetId, changeType, definition.SourceParams.ToString(), definition.FormatParams.ToString()),
                },
                cancellationToken).ConfigureAwait(false);
            return response.ChangesetId ?? string.Empty;
        }

        /// <summary>
        /// Lays the given keys over the changeset's current source and format maps. UpdateChangeset
        /// requires both maps, so the one the caller did not touch is sent back as it is. The service
        /// answers with a new changeset that supersedes this one: its id is returned. The changes are
        /// checked first, so a bad change sends nothing at all; <paramref name="changes"/> is never modified.
        /// </summary>
        public async Task<string> UpdateAsync(string datasetId, string changesetId, ChangesetChanges changes, CancellationToken cancellationToken = default)
        {
            changes.Validate(datasetId, changesetId);
            var current = await _client.GetChangesetAsync(new GetChangesetRequest { DatasetId = datasetId, ChangesetId = changesetId }, cancellationToken).ConfigureAwait(false);
            var response = await _client.UpdateChangesetAsync(
                new UpdateChangesetRequest
                {
                    DatasetId = datasetId,
                    ChangesetId = changesetId,
                    SourceParams = new Dictionary<string, string>(ChangesetParameters.Merge(current.SourceParams, changes.SourceParams)),
                    FormatParams = new Dictionary<string, string>(ChangesetParameters.Merge(current.FormatParams, changes.FormatParams)),
                    ClientToken = ClientTokens.ForItem(changes.ClientToken, datasetId, changesetId),
                },
                cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(response.ChangesetId) ? changesetId : response.ChangesetId!;
        }

        /// <summary>ObserveAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<WaitObservation<Changeset>> Observe(string datasetId, string changesetId, WaitOptions options, CancellationToken cancellationToken = default) =>
            ObserveAsync(datasetId, changesetId, options, cancellationToken).AsBlocking(cancellationToken);

        /// <summary>Each state seen while polling until the changeset succeeds, fails or is stopped.</summary>
        public IAsyncEnumerable<WaitObservation<Changeset>> ObserveAsync(string datasetId, string changesetId, WaitOptions options, CancellationToken cancellationToken = default) =>
            Waiter.ObserveAsync(changesetId, ct => GetAsync(datasetId, changesetId, ct), c => c.IsComplete, c => c.Status, options, cancellationToken);

        /// <summary>Why a finished changeset did not succeed (ErrorId ChangesetFailed), or null when it did (or is still running).</summary>
        public static WaitFailedException? FailureOf(Changeset changeset) =>
            changeset.Status is "FAILED" or "STOP_REQUESTED"
                ? new WaitFailedException("ChangesetFailed", $"Changeset {changeset.ChangesetId} of dataset {changeset.DatasetId}", changeset.ChangesetId ?? string.Empty,
                    changeset.Status, changeset.ErrorCategory, changeset.ErrorMessage)
                : null;

        /// <summary>The changeset once it succeeded, failed or was stopped.</summary>
        public Task<Changeset> WaitAsync(string datasetId, string changesetId, WaitOptions options, CancellationToken cancellationToken = default) =>
            Waiter.WaitAsync(ObserveAsync(datasetId, changesetId, options, cancellationToken), cancellationToken);
    }
}
