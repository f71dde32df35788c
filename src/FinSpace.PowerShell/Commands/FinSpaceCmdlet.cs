using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Management;
using FinSpace.Management.Bulk;
using FinSpace.Management.Transfer;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// What every FinSpace cmdlet shares: the connection parameters AWS.Tools users know, one cached
    /// client per configuration, Ctrl+C cancelling the request in flight, one verbose line per
    /// request, and per-item errors that respect -ErrorAction.
    /// </summary>
    public abstract class FinSpaceCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly RequestLog _requests = new RequestLog();
        private FinSpaceServices? _services;
        private BulkDispatcher? _bulk;
        private BulkProgressReporter? _progress;

        [Parameter]
        [Alias("AWSProfileName", "StoredCredentials")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        [Parameter]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        [Alias("AK")]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        [ValidateNotNullOrEmpty]
        public string? SecretKey { get; set; }

        [Parameter]
        [Alias("ST")]
        [ValidateNotNullOrEmpty]
        public string? SessionToken { get; set; }

        /// <summary>
        /// A PSCredential (the access key id as the user name, the secret access key as the password), or
        /// an AWS credentials object from any AWS SDK for .NET: AWS.Tools' stored credentials, an
        /// AWSCredentials, or an object with AccessKeyId and SecretAccessKey such as (Use-STSRole …).Credentials.
        /// </summary>
        [Parameter]
        [CredentialTransformation]
        [ValidateNotNull]
        public object? Credential { get; set; }

        [Parameter]
        [Alias("ServiceUrl")]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>
        /// Attempts per request, the first included (1 = no retry), for this command; overrides
        /// Connect-FSEnvironment -MaxAttempts, AWS_MAX_ATTEMPTS and the profile's max_attempts (default 10).
        /// </summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? MaxAttempts { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        protected CancellationToken Cancellation => _stopping.Token;

        /// <summary>The services over the client for this cmdlet's connection; resolved on first use.</summary>
        protected FinSpaceServices Services => _services ??= Connect();

        /// <summary>How many requests of this command may be in flight at once (-ThrottleLimit on bulk cmdlets).</summary>
        protected virtual int ConcurrencyLimit => 1;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Writes what is still in flight, in completion order, then closes the progress bar.</summary>
        protected override void EndProcessing()
        {
            if (_bulk is null)
            {
                return;
            }

            try
            {
                using (RequestLog.Enter(_requests))
                {
                    foreach (var completion in _bulk.Drain())
                    {
                        WriteCompletion(completion);
                        _progress?.Report(_bulk.Progress);
                    }
                }
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                _progress?.Complete();
                FlushVerbose();
            }
        }

        public void Dispose()
        {
            // A terminating error or a stopped pipeline leaves items in flight: cancel them.
            _stopping.Cancel();
            _stopping.Dispose();
        }

        /// <summary>
        /// The connection parameters as bound (typed, or from $PSDefaultParameterValues), through the
        /// one mapping the completers use too, with this command's retry settings.
        /// </summary>
        protected ConnectionParameters GivenConnection()
        {
            var given = ConnectionBinding.FromBound(MyInvocation.BoundParameters);
            given.MaxAttempts = MaxAttempts;
            given.MaxRetryDelay = RetryDelayCap;
            return given;
        }

        /// <summary>The backoff's cap this command sets (only Connect-FSEnvironment has a parameter for it).</summary>
        protected virtual System.TimeSpan? RetryDelayCap => null;

        /// <summary>AWS.Tools' session defaults, if that module set them in this session.</summary>
        protected AwsToolsDefaults ReadAwsToolsDefaults() => new AwsToolsDefaults(
            PSValues.BaseOf(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
            PSValues.BaseOf(SessionState.PSVariable.GetValue("StoredAWSRegion")) as string);

        /// <summary>Where and as whom a call with these parameters would go; bad settings stop the cmdlet.</summary>
        protected ResolvedConnection ResolveConnection()
        {
            try
            {
                return ConnectionResolver.Resolve(GivenConnection(), SessionStore.Current, ReadAwsToolsDefaults());
            }
            catch (Exception exception) when (exception is not PipelineStoppedException)
            {
                ThrowTerminatingError(ErrorRecords.From(exception, null));
                throw;
            }
        }

        private FinSpaceServices Connect()
        {
            var connection = ResolveConnection();
            try
            {
                WriteVerbose(connection.Describe());
                return ClientCache.Shared.GetServices(connection);
            }
            catch (Exception exception) when (exception is not PipelineStoppedException)
            {
                ThrowTerminatingError(ErrorRecords.From(exception, null));
                throw;
            }
        }

        /// <summary>
        /// Checks what applies to every pipeline item (a Set-* command's changes) once, before the
        /// first item: a broken rule stops the command with one error naming the parameter, and
        /// nothing is sent. Returns what <paramref name="build"/> made, for the items to share.
        /// </summary>
        protected T StopUnlessValid<T>(Func<T> build, Action<T> validate)
        {
            try
            {
                var value = build();
                validate(value);
                return value;
            }
            catch (ArgumentException invalid)
            {
                ThrowTerminatingError(ErrorRecords.From(invalid, null));
                throw;
            }
        }

        /// <summary>
        /// True when this item's parameters pass the engine's checks. Otherwise writes one
        /// non-terminating error naming the parameter, with <paramref name="target"/> as TargetObject,
        /// before anything is asked or sent; the pipeline goes on with the next item.
        /// </summary>
        protected bool IsValid(object target, Action validate)
        {
            try
            {
                validate();
                return true;
            }
            catch (ArgumentException invalid)
            {
                WriteError(ErrorRecords.From(invalid, target));
                return false;
            }
        }

        /// <summary>
        /// Runs one request for one pipeline item. On failure writes a non-terminating error with the
        /// item's id as TargetObject (or stops the pipeline when nothing further can succeed) and
        /// returns false.
        /// </summary>
        protected bool TryInvoke<T>(object target, Func<CancellationToken, Task<T>> call, out T result)
        {
            result = default!;
            try
            {
                using (RequestLog.Enter(_requests))
                {
                    result = call(Cancellation).GetAwaiter().GetResult();
                }

                return true;
            }
            catch (Exception exception)
            {
                Fail(exception, target);
                return false;
            }
            finally
            {
                FlushVerbose();
            }
        }

        /// <summary>
        /// Runs one request (or a request and its read-back) for one pipeline item through the bulk
        /// dispatcher: at most <see cref="ConcurrencyLimit"/> at once, over the one cached client.
        /// Results and errors are written here, on the pipeline thread, as items complete (completion
        /// order); a failure is a non-terminating error with <paramref name="target"/> as TargetObject.
        /// Call ShouldProcess before this: nothing dispatched is asked about afterwards.
        /// </summary>
        protected void Submit<T>(object target, Func<CancellationToken, Task<T>> work)
        {
            _ = Services; // connect (and fail) on the pipeline thread, never in a worker
            _bulk ??= new BulkDispatcher(ConcurrencyLimit, Cancellation);
            _progress ??= new BulkProgressReporter(this, ProgressActivityId + 1, MyInvocation.MyCommand.Name);
            IReadOnlyList<BulkCompletion> completions;
            try
            {
                using (RequestLog.Enter(_requests))
                {
                    completions = _bulk.Dispatch(target, async ct => (object?)await work(ct).ConfigureAwait(false));
                }
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            foreach (var completion in completions)
            {
                WriteCompletion(completion);
            }

            _progress.Report(_bulk.Progress);
        }

        /// <summary>Gets each id and writes what was found; a missing id is one non-terminating error.</summary>
        protected void WriteEach<T>(IEnumerable<string> ids, Func<string, CancellationToken, Task<T>> get)
        {
            foreach (var id in ids)
            {
                Submit(id, ct => get(id, ct));
            }
        }

        /// <summary>
        /// Creates, then writes the new resource as the service now describes it. A read-back that fails
        /// after a successful create is a CreatedButNotRead error naming the new id, never a failed create.
        /// </summary>
        protected void WriteCreated<T>(object target, Func<CancellationToken, Task<string>> create, Func<string, CancellationToken, Task<T>> readBack) =>
            Submit(target, ct => BulkWork.CreateThenRead(create, readBack, ct));

        /// <summary>Applies a change; with -PassThru writes the resource as it is afterwards.</summary>
        protected void Change<T>(string id, Func<CancellationToken, Task> change, bool passThru, Func<CancellationToken, Task<T>> readBack) =>
            Submit(id, ct => BulkWork.ChangeThenRead<T>(id, change, passThru ? (_, c) => readBack(c) : null, ct));

        /// <summary>
        /// Confirms (unless -Force), deletes, and with -PassThru writes the resource as it was just
        /// before: the object piped in, or read first when only the id was given.
        /// </summary>
        protected void Remove<T>(string id, T? known, bool force, bool passThru, string action, Func<CancellationToken, Task<T>> get, Func<CancellationToken, Task> delete)
            where T : class
        {
            if (!ShouldChange(force, id, action))
            {
                return;
            }

            Submit(id, async ct =>
            {
                var before = passThru ? known ?? await get(ct).ConfigureAwait(false) : null;
                await delete(ct).ConfigureAwait(false);
                return before;
            });
        }

        /// <summary>Writes each item as its page arrives; a downstream Select-Object -First stops the paging.</summary>
        protected void WriteStream<T>(object? target, IEnumerable<T> items) => ForEachArriving(target, items, item => WriteObject(item));

        /// <summary>
        /// Follows a wait with a progress bar, writes the final state, and writes the error
        /// <paramref name="failureOf"/> gives when it did not succeed (a WaitFailedException: ChangesetFailed, DataViewFailed).
        /// </summary>
        protected void WriteWait<T>(string id, string activity, IEnumerable<WaitObservation<T>> observations, Func<T, string?> statusOf, Func<T, Exception?> failureOf)
        {
            var progress = new ProgressRecord(ProgressActivityId, activity, "Waiting for the first status");
            WaitObservation<T>? last = null;
            try
            {
                ForEachArriving(id, observations, observation =>
                {
                    last = observation;
                    progress.StatusDescription = $"{statusOf(observation.Value)} after {observation.Elapsed:hh\\:mm\\:ss}";
                    WriteProgress(progress);
                });
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }

            if (last is { IsComplete: true })
            {
                WriteObject(last.Value);
                if (failureOf(last.Value) is { } failure)
                {
                    WriteError(ErrorRecords.From(failure, id));
                }
            }
        }

        private const int ProgressActivityId = 7301;
        private const int TransferActivityId = 7302;

        /// <summary>
        /// Follows a transfer: a progress bar with bytes, rate and time left; a non-terminating error
        /// per file that failed (the file as TargetObject); saved files written when
        /// <paramref name="passThru"/>; skipped ones in the verbose stream. Returns the changeset an
        /// import created, if any.
        /// </summary>
        protected string? WriteTransfer(object target, IEnumerable<TransferUpdate> updates, bool passThru)
        {
            string? changesetId = null;
            ProgressRecord? progress = null;
            try
            {
                ForEachArriving(target, updates, update =>
                {
                    if (update.Progress is { } state)
                    {
                        progress ??= new ProgressRecord(TransferActivityId, state.Activity, "Starting");
                        progress.StatusDescription = state.Describe();
                        progress.CurrentOperation = state.CurrentFile;
                        progress.PercentComplete = state.PercentComplete;
                        progress.SecondsRemaining = state.Remaining is { } left ? (int)Math.Ceiling(left.TotalSeconds) : -1;
                        WriteProgress(progress);
                    }
                    else if (update.Failure is { } failure)
                    {
                        WriteError(ErrorRecords.From(failure, update.FailureTarget));
                    }
                    else if (update.Saved is { } saved)
                    {
                        WriteVerbose($"Saved {saved.FullName} ({saved.Length} bytes).");
                        if (passThru)
                        {
                            WriteObject(saved);
                        }
                    }
                    else if (update.Skipped is { } skipped)
                    {
                        WriteVerbose($"Skipped {skipped}: it already holds the same bytes.");
                    }
                    else if (update.ChangesetId is { } created)
                    {
                        changesetId = created;
                    }
                });
            }
            finally
            {
                if (progress is not null)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
            }

            return changesetId;
        }

        private void ForEachArriving<T>(object? target, IEnumerable<T> items, Action<T> onItem)
        {
            try
            {
                using (RequestLog.Enter(_requests))
                {
                    foreach (var item in items)
                    {
                        FlushVerbose();
                        onItem(item);
                    }
                }
            }
            catch (Exception exception) when (exception is not PipelineStoppedException)
            {
                Fail(exception, target);
            }
            finally
            {
                FlushVerbose();
            }
        }

        /// <summary>
        /// For state-changing cmdlets: -Force answers the confirmation prompt, nothing more. An explicit
        /// -Confirm still asks, and a What-if run (-WhatIf, or $WhatIfPreference set by the caller or
        /// passed down from an advanced function's -WhatIf) still only reports.
        /// </summary>
        protected bool ShouldChange(bool force, string target, string action)
        {
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !IsWhatIfRun())
            {
                return true;
            }

            return ShouldProcess(target, action);
        }

        private bool IsWhatIfRun() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        private void WriteCompletion(BulkCompletion completion)
        {
            FlushVerbose();
            if (completion.Succeeded)
            {
                if (completion.Result is not null)
                {
                    WriteObject(completion.Result);
                }

                return;
            }

            Fail(completion.Error!, completion.Error is FollowUpReadException followUp ? followUp.ResourceId : completion.Target);
        }

        private void Fail(Exception exception, object? target)
        {
            if (exception is PipelineStoppedException || (exception is OperationCanceledException && Cancellation.IsCancellationRequested))
            {
                throw new PipelineStoppedException();
            }

            var error = ErrorClassifier.Classify(exception);
            var record = ErrorRecords.From(error, target);
            if (error.IsTerminating)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        private void FlushVerbose()
        {
            if (!_requests.HasLines)
            {
                return;
            }

            foreach (var line in _requests.Drain())
            {
                WriteVerbose(line);
            }
        }
    }
}
