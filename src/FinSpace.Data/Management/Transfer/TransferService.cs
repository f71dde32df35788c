using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// Import-FSChangeset and Save-FSDataView: local files into a dataset, a dataview's files onto
    /// the local disk.
    /// <para>Identity. Uploads are signed as the FinSpace requests are: the working location is
    /// "where you can copy your files" (GetWorkingLocation) for the caller who asked for it, and the
    /// programmatic credentials are what a FinSpace user signs the FinSpace API with. A session that
    /// ran Connect-FSEnvironment -EnvironmentId therefore uploads with the environment's renewed
    /// programmatic credentials, and a caller signing with its own keys uploads with them. Downloads
    /// use the temporary keys GetExternalDataViewAccessDetails returns for exactly that dataview.</para>
    /// </summary>
    public sealed class TransferService
    {
        private readonly EnvironmentService _environment;
        private readonly ChangesetService _changesets;
        private readonly DataViewService _dataViews;
        private readonly IObjectStoreFactory _stores;
        private readonly Func<DateTimeOffset> _now;
        private readonly Func<Guid> _newId;

        public TransferService(EnvironmentService environment, ChangesetService changesets, DataViewService dataViews, IObjectStoreFactory stores, Func<DateTimeOffset>? now = null, Func<Guid>? newId = null)
        {
            _environment = environment;
            _changesets = changesets;
            _dataViews = dataViews;
            _stores = stores;
            _now = now ?? (() => DateTimeOffset.UtcNow);
            _newId = newId ?? Guid.NewGuid;
        }

        /// <summary>Finds the files and decides the format; fails naming the parameter, before any request.</summary>
        public static ImportPlan PlanImport(string datasetId, string changeType, IEnumerable<string> paths, string pathParameter, StringMap explicitFormat)
        {
            // The prefix is at most "<working path>fs-import-<16>-<32>/"; reserve generously for the working path.
            var files = LocalFileSet.Expand(paths, pathParameter, keyPrefixBytes: 200);
            var format = FormatInference.Complete(files, explicitFormat);

            // What CreateChangeset will be sent, checked before a single byte is uploaded (the source
            // path is made later, under a prefix of our own).
            ChangesetParameters.CheckMaps(
                    new ParameterCheck(ServiceModel.CreateChangeset).Id("DatasetId", "datasetId", datasetId).Required("ChangeType", "changeType", changeType),
                    new StringMap(),
                    format)
                .ThrowIfInvalid();
            return new ImportPlan(datasetId, changeType.ToUpperInvariant(), files, format);
        }

        /// <summary>ImportAsync on the caller's thread: progress as it goes, then the changeset id (or the file that failed).</summary>
        public IEnumerable<TransferUpdate> Import(ImportPlan plan, TransferOptions options, CancellationToken cancellationToken = default) =>
            TransferPump.Run((post, ct) => ImportAsync(plan, options, post, ct), cancellationToken);

        /// <summary>
        /// GetWorkingLocation(INGESTION) → every file under a fresh prefix, one after another (parts of
        /// a large file in parallel) → CreateChangeset on that prefix. When a file cannot be uploaded,
        /// no changeset is created: the unfinished multipart uploads are aborted and the objects already
        /// uploaded under the prefix deleted, and the failure names the file.
        /// </summary>
        public async Task ImportAsync(ImportPlan plan, TransferOptions options, Action<TransferUpdate> post, CancellationToken cancellationToken)
        {
            options.Validate();
            var location = await _environment.GetWorkingLocationAsync("INGESTION", cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(location.S3Bucket))
            {
                throw new InvalidOperationException("GetWorkingLocation returned no bucket for INGESTION: nothing can be uploaded.");
            }

            var bucket = location.S3Bucket!;
            var prefix = UploadPrefix.For(location.S3Path, _now(), _newId());
            var clock = Stopwatch.StartNew();
            var meter = new ProgressMeter($"Uploading to s3://{bucket}/{prefix}", plan.TotalBytes, plan.Files.Count, () => clock.Elapsed);
            using (var store = _stores.ForConnection(options))
            {
                foreach (var file in plan.Files)
                {
                    meter.StartFile(file.FullPath);
                    post(TransferUpdate.Of(meter.Snapshot()));
                    try
                    {
                        await store.UploadAsync(bucket, prefix + file.RelativeKey, file.FullPath, sent =>
                        {
                            if (meter.Add(sent) is { } progress)
                            {
                                post(TransferUpdate.Of(progress));
                            }
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception failure)
                    {
                        var cleanup = await CleanUpAsync(store, bucket, prefix).ConfigureAwait(false);
                        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
                        {
                            throw;
                        }

                        post(TransferUpdate.Failed(
                            new TransferFailedException("UploadFailed", file.FullPath, $"Uploading '{file.FullPath}' failed: {Reason(failure)} No changeset was created; {cleanup}", failure),
                            file.FullPath));
                        return;
                    }

                    meter.FileDone();
                }
            }

            post(TransferUpdate.Of(meter.Add(0, force: true)!));
            var source = $"s3://{bucket}/{prefix}";
            var definition = new ChangesetDefinition
            {
                ChangeType = plan.ChangeType,
                SourceParams = ChangesetParameters.Source(source, null, null),
                FormatParams = plan.FormatParams,
            };
            try
            {
                post(TransferUpdate.Created(await _changesets.CreateAsync(plan.DatasetId, definition, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The files are complete: keep them so New-FSChangeset -SourcePath can retry without uploading again.
                throw new ChangesetNotCreatedException(source, failure);
            }
        }

        /// <summary>Where a dataview's files go locally, checked before any request.</summary>
        public static string PlanDestination(string destination)
        {
            if (File.Exists(destination))
            {
                throw new ArgumentException($"-Destination '{destination}' is a file; give a folder (it is created when missing).", "Destination");
            }

            return Path.GetFullPath(destination);
        }

        /// <summary>SaveDataViewAsync on the caller's thread.</summary>
        public IEnumerable<TransferUpdate> SaveDataView(string datasetId, string dataViewId, string destination, bool force, TransferOptions options, CancellationToken cancellationToken = default) =>
            TransferPump.Run((post, ct) => SaveDataViewAsync(datasetId, dataViewId, destination, force, options, post, ct), cancellationToken);

        /// <summary>
        /// GetExternalDataViewAccessDetails → list the dataview's location → each file to the same
        /// relative path under <paramref name="destination"/>. Folder markers and names starting with
        /// '_' or '.' (_SUCCESS, .crc) are not data and are left out. A file already holding the same
        /// bytes (size and ETag) is skipped; a different one is an error for that file unless
        /// <paramref name="force"/>. Each file is written to a temporary name beside it and renamed,
        /// so a failed download never leaves half a file under the real name.
        /// </summary>
        public async Task SaveDataViewAsync(string datasetId, string dataViewId, string destination, bool force, TransferOptions options, Action<TransferUpdate> post, CancellationToken cancellationToken)
        {
            options.Validate();
            var access = await _dataViews.GetAccessDetailAsync(datasetId, dataViewId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(access.S3Bucket) || string.IsNullOrEmpty(access.AccessKeyId) || string.IsNullOrEmpty(access.SecretAccessKey))
            {
                throw new InvalidOperationException($"Dataview {dataViewId} of dataset {datasetId} has no S3 location with access keys: only S3 dataviews can be saved.");
            }

            var prefix = access.S3Key ?? string.Empty;
            if (prefix.Length > 0 && !prefix.EndsWith("/", StringComparison.Ordinal))
            {
                prefix += "/";
            }

            using var store = _stores.ForKeys(access.AccessKeyId!, access.SecretAccessKey!, access.SessionToken, options);
            var objects = (await store.ListAsync(access.S3Bucket!, prefix, cancellationToken).ConfigureAwait(false))
                .Where(o => IsDataFile(o.Key.Substring(prefix.Length)))
                .ToList();

            var root = Path.GetFullPath(destination);
            var work = new List<(RemoteObject Remote, string Local)>();
            foreach (var remote in objects)
            {
                string local;
                try
                {
                    local = LocalPathFor(root, remote.Key.Substring(prefix.Length));
                }
                catch (ArgumentException unsafePath)
                {
                    post(TransferUpdate.Failed(new TransferFailedException("UnsafeObjectKey", remote.Key, unsafePath.Message, unsafePath), remote.Key));
                    continue;
                }

                switch (DownloadDecision.For(remote, local, force, options.PartSize))
                {
                    case DownloadAction.Skip:
                        post(TransferUpdate.SkippedFile(local));
                        break;
                    case DownloadAction.Conflict:
                        post(TransferUpdate.Failed(
                            new TransferFailedException("FileExists", local, $"'{local}' already exists with different content than s3://{access.S3Bucket}/{remote.Key}; use -Force to replace it.", new IOException("The file exists.")),
                            local));
                        break;
                    default:
                        work.Add((remote, local));
                        break;
                }
            }

            var clock = Stopwatch.StartNew();
            var meter = new ProgressMeter($"Downloading s3://{access.S3Bucket}/{prefix}", work.Sum(w => w.Remote.Size), work.Count, () => clock.Elapsed);
            foreach (var (remote, local) in work)
            {
                meter.StartFile(local);
                post(TransferUpdate.Of(meter.Snapshot()));
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                var temporary = local + ".fs-" + _newId().ToString("N").Substring(0, 8) + ".partial";
                try
                {
                    await store.DownloadAsync(access.S3Bucket!, remote.Key, temporary, received =>
                    {
                        if (meter.Add(received) is { } progress)
                        {
                            post(TransferUpdate.Of(progress));
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    if (File.Exists(local))
                    {
                        File.Delete(local);
                    }

                    File.Move(temporary, local);
                }
                catch (Exception failure)
                {
                    TryDelete(temporary);
                    if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }

                    post(TransferUpdate.Failed(new TransferFailedException("DownloadFailed", local, $"Downloading s3://{access.S3Bucket}/{remote.Key} to '{local}' failed: {Reason(failure)}", failure), local));
                    continue;
                }

                meter.FileDone();
                post(TransferUpdate.SavedFile(new FileInfo(local)));
            }

            post(TransferUpdate.Of(meter.Add(0, force: true)!));
        }

        /// <summary>Data files only: not folder markers, not Hadoop/Spark markers such as _SUCCESS or .crc files.</summary>
        public static bool IsDataFile(string relativeKey)
        {
            if (relativeKey.Length == 0 || relativeKey.EndsWith("/", StringComparison.Ordinal))
            {
                return false;
            }

            var name = relativeKey.Substring(relativeKey.LastIndexOf('/') + 1);
            return !name.StartsWith("_", StringComparison.Ordinal) && !name.StartsWith(".", StringComparison.Ordinal);
        }

        /// <summary>The local path of an object key under the destination; refuses keys that would leave it ("..", absolute).</summary>
        public static string LocalPathFor(string root, string relativeKey)
        {
            var segments = relativeKey.Split('/');
            if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
            {
                throw new ArgumentException($"The object key '{relativeKey}' does not map to a file under the destination.", nameof(relativeKey));
            }

            var full = Path.GetFullPath(Path.Combine(new[] { root }.Concat(segments).ToArray()));
            var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The object key '{relativeKey}' does not map to a file under the destination.", nameof(relativeKey));
            }

            return full;
        }

        private static async Task<string> CleanUpAsync(IObjectStore store, string bucket, string prefix)
        {
            try
            {
                // Not the caller's token: a stopped command still cleans up after itself.
                var deleted = await store.DeletePrefixAsync(bucket, prefix, CancellationToken.None).ConfigureAwait(false);
                return $"the {deleted} object(s) already uploaded under s3://{bucket}/{prefix} were deleted and unfinished multipart uploads aborted.";
            }
            catch (Exception cleanup)
            {
                return $"cleaning up s3://{bucket}/{prefix} also failed ({Reason(cleanup)}); delete that prefix by hand.";
            }
        }

        private static string Reason(Exception failure)
        {
            var error = ErrorClassifier.Classify(failure);
            var text = error.Message.TrimEnd();
            return text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith(")", StringComparison.Ordinal) ? text : text + ".";
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
