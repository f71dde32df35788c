using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Emulator.Export;
using FinSpace.Emulator.Ingestion;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;
using FinSpace.Emulator.Storage;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Jobs;

/// <summary>
/// Runs ingestions (and exports) in the background, two at a time. A job copies what it needs from
/// the state under the lock, does its S3 work without it, stores its data, then records the outcome
/// under the lock again. Status is still derived from the clock: the resource stays RUNNING until the
/// job has recorded its outcome. Jobs a restart interrupted run again when the emulator starts.
/// </summary>
internal sealed class DataJobs
{
    private const int ErrorMessageLimit = 1000;

    private readonly EmulatorCore _core;
    private readonly ObjectStore _objects;
    private readonly SemaphoreSlim _slots = new(2, 2);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _running = new();
    private int _nextJob;

    public DataJobs(EmulatorCore core, ObjectStore objects)
    {
        _core = core;
        _objects = objects;
    }

    public void IngestLater(string datasetId, string changesetId) => Start(() => IngestAsync(datasetId, changesetId, _stopping.Token));

    public void ExportLater(string datasetId, string dataViewId) => Start(() => ExportAsync(datasetId, dataViewId, _stopping.Token));

    /// <summary>Restarts the jobs whose outcome was never recorded (the emulator stopped while they ran).</summary>
    public void ResumeUnfinished()
    {
        List<(string Dataset, string Changeset)> changesets;
        lock (_core.State.Gate)
        {
            changesets = _core.State.Datasets.Ordered
                .SelectMany(d => _core.State.ChangesetsOf(d.Id).Ordered)
                .Where(c => c.Ingests && c.IngestedAt is null)
                .Select(c => (c.DatasetId, c.Id))
                .ToList();
        }

        List<(string Dataset, string DataView)> dataViews;
        lock (_core.State.Gate)
        {
            dataViews = _core.State.Datasets.Ordered
                .SelectMany(d => _core.State.DataViewsOf(d.Id).Ordered)
                .Where(v => v.Exports && v.ExportedAt is null)
                .Select(v => (v.DatasetId, v.Id))
                .ToList();
        }

        foreach (var (dataset, changeset) in changesets)
        {
            IngestLater(dataset, changeset);
        }

        // Queued after the ingestions, but an export never waits for them: it sees what is active when it runs.
        foreach (var (dataset, dataView) in dataViews)
        {
            ExportLater(dataset, dataView);
        }
    }

    /// <summary>Cancels what is running and waits for it, so nothing writes to a closed store.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Values.ToArray()).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the jobs were told to stop.
        }
    }

    private void Start(Func<Task> job)
    {
        var id = Interlocked.Increment(ref _nextJob);
        var task = Task.Run(async () =>
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                await job().ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        });
        _running[id] = task;
        task.ContinueWith(_ => _running.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task IngestAsync(string datasetId, string changesetId, CancellationToken cancellationToken)
    {
        IngestionRequest request;
        lock (_core.State.Gate)
        {
            var dataset = _core.State.Datasets.Find(datasetId);
            var changeset = dataset is null ? null : _core.State.ChangesetsOf(datasetId).Find(changesetId);
            if (dataset is null || changeset is null)
            {
                return;
            }

            request = new IngestionRequest(dataset.Kind, TableSchema.From(dataset.SchemaDefinition), new Dictionary<string, string>(changeset.SourceParams), new Dictionary<string, string>(changeset.FormatParams));
        }

        (string Category, string Message)? failure = null;
        try
        {
            var data = await Ingestor.RunAsync(_objects, request, cancellationToken).ConfigureAwait(false);
            _core.Data.Save(changesetId, data);
        }
        catch (IngestionException e)
        {
            failure = (e.Category, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is HttpRequestException or System.IO.IOException or Amazon.Runtime.AmazonClientException or TaskCanceledException)
        {
            failure = (ErrorCategory.InternalServiceException.Value, $"The emulator could not reach its S3 endpoint ({e.GetType().Name}).");
        }

        Record(datasetId, changesetId, failure);
    }

    private async Task ExportAsync(string datasetId, string dataViewId, CancellationToken cancellationToken)
    {
        ExportRequest? request = null;
        (string Category, string Message)? failure = null;
        lock (_core.State.Gate)
        {
            var dataset = _core.State.Datasets.Find(datasetId);
            var view = dataset is null ? null : _core.State.DataViewsOf(datasetId).Find(dataViewId);
            if (dataset is null || view is null)
            {
                return;
            }

            try
            {
                request = new ExportRequest(
                    dataset.Kind,
                    TableSchema.From(dataset.SchemaDefinition),
                    DataViewComposer.Compose(_core.State.ChangesetsOf(datasetId).Ordered, view.AsOfTimestamp, _core.Clock.GetUtcNow()),
                    ExportOptions.Parse(view.DestinationTypeParams),
                    view.SortColumns ?? new List<string>(),
                    view.PartitionColumns ?? new List<string>(),
                    _core.Options.WorkingLocation.Bucket,
                    Handlers.DataViewHandlers.ExportPrefix(_core.Options.WorkingLocation, datasetId, dataViewId));
            }
            catch (IngestionException e)
            {
                failure = (e.Category, e.Message);
            }
        }

        string? failureStatus = null;
        if (request is not null)
        {
            var written = new List<string>();
            try
            {
                await Exporter.WriteAsync(_objects, _core.Data, request, written, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IngestionException or StorageException or HttpRequestException or System.IO.IOException or Amazon.Runtime.AmazonClientException)
            {
                failure = e switch
                {
                    IngestionException i => (i.Category, i.Message),
                    StorageException s => (s.Category, s.Message),
                    _ => (ErrorCategory.InternalServiceException.Value, $"The emulator could not reach its S3 endpoint ({e.GetType().Name})."),
                };
                failureStatus = await CleanUpAsync(request.Bucket, written).ConfigureAwait(false);
            }
        }

        var state = _core.State;
        lock (state.Gate)
        {
            var view = state.DataViewsOf(datasetId).Find(dataViewId);
            if (view is null)
            {
                return;
            }

            view.ExportedAt = _core.Clock.GetUtcNow();
            view.FailureCategory = failure?.Category;
            view.FailureMessage = failure is { } f ? Limit(f.Message) : null;
            view.FailureStatus = failure is null ? null : failureStatus ?? "FAILED";
            Save(() => state.DataViewsOf(datasetId).Save(view));
        }
    }

    /// <summary>Removes a failed export's files; FAILED_CLEANUP_FAILED when that fails too.</summary>
    private async Task<string?> CleanUpAsync(string bucket, List<string> written)
    {
        try
        {
            await _objects.DeleteAsync(bucket, written, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is StorageException or HttpRequestException or System.IO.IOException or Amazon.Runtime.AmazonClientException)
        {
            return "FAILED_CLEANUP_FAILED";
        }
    }

    private void Save(Action change)
    {
        try
        {
            change();
            _core.State.Commit();
        }
        catch
        {
            _core.State.DiscardPending();
            throw;
        }
    }

    private void Record(string datasetId, string changesetId, (string Category, string Message)? failure)
    {
        var state = _core.State;
        lock (state.Gate)
        {
            var changeset = state.ChangesetsOf(datasetId).Find(changesetId);
            if (changeset is null)
            {
                // Deleted (with its dataset, or by a reset) while the job ran: its data goes too.
                _core.Data.Delete(changesetId);
                return;
            }

            changeset.IngestedAt = _core.Clock.GetUtcNow();
            changeset.FailureCategory = failure?.Category;
            changeset.FailureMessage = failure is { } f ? Limit(f.Message) : null;
            Save(() => state.ChangesetsOf(datasetId).Save(changeset));
        }
    }

    private static string Limit(string message) => message.Length <= ErrorMessageLimit ? message : message[..(ErrorMessageLimit - 1)] + "…";
}
