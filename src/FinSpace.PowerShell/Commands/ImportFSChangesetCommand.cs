using System;
using System.Collections.Generic;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.Management.Transfer;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Loads local files into a dataset in one command: uploads them to the ingestion working
    /// location under a fresh prefix, creates a changeset on it, and emits the changeset (with -Wait,
    /// once ingestion has finished).
    /// </summary>
    [Cmdlet(VerbsData.Import, "FSChangeset", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Changeset))]
    public sealed class ImportFSChangesetCommand : ChangesetFormatCmdletBase
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        /// <summary>Files or folders (every file inside, recursively); wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Files or folders taken exactly as typed (no wildcards).</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>APPEND (default) adds to the dataset's data, REPLACE replaces it, MODIFY replaces the latest changeset.</summary>
        [Parameter]
        [ValidateSet("APPEND", "REPLACE", "MODIFY", IgnoreCase = true)]
        public string ChangeType { get; set; } = "APPEND";

        /// <summary>Waits until the changeset's ingestion has finished and emits its final state.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long before giving up with a WaitTimeout error (default 1800 seconds).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>With -Wait: seconds between status checks (default 5).</summary>
        [Parameter]
        [ValidateRange(0.01, 3600.0)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        /// <summary>Files of at least this many MiB go in parts of this size, several at a time (5-5120, default 16).</summary>
        [Parameter]
        [ValidateRange(5, 5120)]
        public int PartSizeMB { get; set; } = (int)(TransferOptions.DefaultPartSize / TransferOptions.MiB);

        /// <summary>Parts in flight at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ConcurrentRequests { get; set; } = TransferOptions.DefaultConcurrentRequests;

        /// <summary>The S3 endpoint (default: AWS_ENDPOINT_URL_S3, else the region's S3).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? S3EndpointUrl { get; set; }

        protected override void ProcessRecord()
        {
            var pathParameter = ParameterSetName == LiteralPathSet ? nameof(LiteralPath) : nameof(Path);
            if (!TransferPaths.TryResolve(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet, out var paths))
            {
                return;
            }

            ImportPlan plan;
            var options = new TransferOptions { PartSize = PartSizeMB * TransferOptions.MiB, ConcurrentRequests = ConcurrentRequests, S3EndpointUrl = S3EndpointUrl };
            try
            {
                options.Validate();
                plan = TransferService.PlanImport(DatasetId, ChangeType, paths, pathParameter, BuildFormat());
            }
            catch (ArgumentException invalid)
            {
                WriteError(ErrorRecords.From(invalid, DatasetId));
                return;
            }

            if (!ShouldProcess(DatasetId, plan.Describe()))
            {
                return;
            }

            if (WriteTransfer(DatasetId, Services.Transfers.Import(plan, options, Cancellation), passThru: false) is not { } changesetId)
            {
                return;
            }

            if (Wait)
            {
                var waitOptions = new WaitOptions { Timeout = TimeSpan.FromSeconds(TimeoutSec), PollInterval = TimeSpan.FromSeconds(PollIntervalSec) };
                WriteWait(changesetId, $"Waiting for changeset {changesetId}", Services.Changesets.Observe(DatasetId, changesetId, waitOptions, Cancellation), c => c.Status, ChangesetService.FailureOf);
            }
            else if (TryInvoke(changesetId, ct => Services.Changesets.GetAsync(DatasetId, changesetId, ct), out var changeset))
            {
                WriteObject(changeset);
            }
        }
    }
}
