using System;
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
    /// <summary>Dataviews of a dataset: list, read, create, wait, and external access details.</summary>
    public sealed class DataViewService
    {
        private readonly IFinSpaceDataClient _client;

        public DataViewService(IFinSpaceDataClient client)
        {
            _client = client;
        }

        /// <summary>ListAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<DataView> List(string datasetId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            ListAsync(datasetId, pageSize, cancellationToken, startingToken).AsBlocking(cancellationToken);

        public IAsyncEnumerable<DataView> ListAsync(string datasetId, int? pageSize = null, CancellationToken cancellationToken = default, string? startingToken = null) =>
            AsyncStream.After(
                () => new ParameterCheck(ServiceModel.ListDataViews).Id("DatasetId", "datasetId", datasetId).ThrowIfInvalid(),
                () => _client.Paginators.ListDataViews(new ListDataViewsRequest { DatasetId = datasetId, MaxResults = pageSize, NextToken = startingToken }, cancellationToken)
                    .Map(ResourceMapper.ToDataView, cancellationToken),
                cancellationToken);

        public async Task<DataView> GetAsync(string datasetId, string dataViewId, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetDataView).Id("DatasetId", "datasetId", datasetId).Id("DataViewId", "dataViewId", dataViewId).ThrowIfInvalid();
            var response = await _client.GetDataViewAsync(new GetDataViewRequest { DatasetId = datasetId, DataViewId = dataViewId }, cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToDataView(response);
        }

        /// <summary>Creates the dataview and returns its id.</summary>
        public async Task<string> CreateAsync(string datasetId, DataViewDefinition definition, CancellationToken cancellationToken = default)
        {
            definition.Validate(datasetId);
            var destination = definition.CanonicalDestinationType;
            var format = definition.CanonicalExportFileFormat;
            var response = await _client.CreateDataViewAsync(
                new CreateDataViewRequest
                {
                    DatasetId = datasetId,
                    AutoUpdate = definition.AutoUpdate,
                    AsOfTimestamp = definition.AsOf,
                    PartitionColumns = definition.PartitionColumns.Count == 0 ? null : definition.PartitionColumns.ToList(),
                    SortColumns = definition.SortColumns.Count == 0 ? null : definition.SortColumns.ToList(),
                    DestinationTypeParams = new DataViewDestinationTypeParams
                    {
                        DestinationType = destination,
                        S3DestinationExportFileFormat = format is null ? null : ExportFileFormat.FindValue(format),
                        S3DestinationExportFileFormatOptions = definition.ExportFileFormatOptions.Count == 0
                            ? null
                            : new Dictionary<string, string>(definition.ExportFileFormatOptions),
                    },
                    ClientToken = ClientTokens.ForItem(definition.ClientToken, datasetId, destination, format, definition.AsOf?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                },
                cancellationToken).ConfigureAwait(false);
            return response.DataViewId ?? string.Empty;
        }

        /// <summary>ObserveAsync enumerated on the caller's thread, each page fetched as it is reached: what a cmdlet writes from.</summary>
        public IEnumerable<WaitObservation<DataView>> Observe(string datasetId, string dataViewId, WaitOptions options, CancellationToken cancellationToken = default) =>
            ObserveAsync(datasetId, dataViewId, options, cancellationToken).AsBlocking(cancellationToken);

        /// <summary>Each state seen while polling until the dataview succeeds, fails, is cancelled or times out.</summary>
        public IAsyncEnumerable<WaitObservation<DataView>> ObserveAsync(string datasetId, string dataViewId, WaitOptions options, CancellationToken cancellationToken = default) =>
            Waiter.ObserveAsync(dataViewId, ct => GetAsync(datasetId, dataViewId, ct), v => v.IsComplete, v => v.Status, options, cancellationToken);

        /// <summary>Why a finished dataview did not succeed (ErrorId DataViewFailed), or null when it did (or is still running).</summary>
        public static WaitFailedException? FailureOf(DataView dataView) =>
            dataView.IsComplete && dataView.Status != "SUCCESS"
                ? new WaitFailedException("DataViewFailed", $"Dataview {dataView.DataViewId} of dataset {dataView.DatasetId}", dataView.DataViewId ?? string.Empty,
                    dataView.Status, dataView.ErrorCategory, dataView.ErrorMessage)
                : null;

        /// <summary>The dataview once it reached a final status.</summary>
        public Task<DataView> WaitAsync(string datasetId, string dataViewId, WaitOptions options, CancellationToken cancellationToken = default) =>
            Waiter.WaitAsync(ObserveAsync(datasetId, dataViewId, options, cancellationToken), cancellationToken);

        /// <summary>Where an S3 dataview's files are, with temporary credentials to read them (plain text; protect before output).</summary>
        public async Task<PlainTextDataViewAccessDetail> GetAccessDetailAsync(string datasetId, string dataViewId, CancellationToken cancellationToken = default)
        {
            new ParameterCheck(ServiceModel.GetExternalDataViewAccessDetails).Id("DatasetId", "datasetId", datasetId).Id("DataViewId", "dataViewId", dataViewId).ThrowIfInvalid();
            var response = await _client.GetExternalDataViewAccessDetailsAsync(
                new GetExternalDataViewAccessDetailsRequest { DatasetId = datasetId, DataViewId = dataViewId },
                cancellationToken).ConfigureAwait(false);
            var bucket = response.S3Location?.Bucket;
            var key = response.S3Location?.Key;
            return new PlainTextDataViewAccessDetail
            {
                DatasetId = datasetId,
                DataViewId = dataViewId,
                S3Bucket = bucket,
                S3Key = key,
                S3Uri = bucket is null ? null : $"s3://{bucket}/{key}",
                AccessKeyId = response.Credentials?.AccessKeyId,
                SecretAccessKey = response.Credentials?.SecretAccessKey,
                SessionToken = response.Credentials?.SessionToken,
                Expiration = ResourceMapper.Time(response.Credentials?.Expiration),
            };
        }

        /// <summary>The same details with the secret parts as SecureStrings.</summary>
        public static DataViewAccessDetail Protect(PlainTextDataViewAccessDetail plain) => new DataViewAccessDetail
        {
            DatasetId = plain.DatasetId,
            DataViewId = plain.DataViewId,
            S3Bucket = plain.S3Bucket,
            S3Key = plain.S3Key,
            S3Uri = plain.S3Uri,
            AccessKeyId = plain.AccessKeyId,
            SecretAccessKey = Secrets.Protect(plain.SecretAccessKey),
            SessionToken = Secrets.Protect(plain.SessionToken),
            Expiration = plain.Expiration,
        };
    }
}
