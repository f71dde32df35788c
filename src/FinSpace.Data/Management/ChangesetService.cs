using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Model;

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
            _client.Paginators.ListChangesets(new ListChangesetsRequest { DatasetId = datasetId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                .Map(ResourceMapper.ToChangeset, cancellationToken);

        public async Task<Changeset> GetAsync(string datasetId, string changesetId, CancellationToken cancellationToken = default)
        {
            var response = await _client.GetChangesetAsync(new GetChangesetRequest { DatasetId = datasetId, ChangesetId = changesetId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToChangeset(response);
        }

        /// <summary>Creates the changeset and returns its id.</summary>
        public async Task<string> CreateAsync(string datasetId, ChangesetDefinition definition, CancellationToken cancellationToken = default)
        {
            var response = await _client.CreateChangesetAsync(
                new CreateChangesetRequest
                {
                    DatasetId = datasetId,
                    ChangeType = ChangeType.FindValue(definition.ChangeType),
                    SourceParams = new Dictionary<string, string>(definition.SourceParams),
                    FormatParams = new Dictionary<string, string>(definition.FormatParams),
                    ClientToken = definition.ClientToken,
                },
                cancellationToken).ConfigureAwait(false);
            return response.ChangesetId ?? string.Empty;
        }

        /// <summary>
        /// Lays the given keys over the changeset's current source and format maps. UpdateChangeset
        /// requires both maps, so the one the caller did not touch is sent back as it is. The service
        /// answers with a new changeset that supersedes this one: its id is returned.
        /// </summary>
        public async Task<string> UpdateAsync(string datasetId, string changesetId, ChangesetChanges changes, CancellationToken cancellationToken = default)
        {
            var current = await _client.GetChangesetAsync(new GetChangesetRequest { DatasetId = datasetId, ChangesetId = changesetId }, cancellationToken).ConfigureAwait(false);
            var response = await _client.UpdateChangesetAsync(
                new UpdateChangesetRequest
                {
                    DatasetId = datasetId,
                    ChangesetId = changesetId,
                    SourceParams = new Dictionary<string, string>(ChangesetParameters.Merge(current.SourceParams, changes.SourceParams)),
                    FormatParams = new Dictionary<string, string>(ChangesetParameters.Merge(current.FormatParams, changes.FormatParams)),
                    ClientToken = changes.ClientToken,
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
