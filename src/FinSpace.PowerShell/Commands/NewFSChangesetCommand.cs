using System;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Loads data into a dataset as a new changeset and emits the changeset (ingestion continues asynchronously: see Wait-FSChangeset).</summary>
    [Cmdlet(VerbsCommon.New, "FSChangeset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Changeset))]
    public sealed class NewFSChangesetCommand : ChangesetCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        /// <summary>REPLACE the dataset's data, APPEND to it, or MODIFY earlier data.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("REPLACE", "APPEND", "MODIFY", IgnoreCase = true)]
        public string ChangeType { get; set; } = null!;

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            ChangesetDefinition? changeset = null;
            if (IsValid(DatasetId, () => (changeset = Define()).Validate(DatasetId))
                && ShouldProcess(DatasetId, $"Create {changeset!.CanonicalChangeType} changeset from {changeset.SourceParams}"))
            {
                WriteCreated(DatasetId, ct => Services.Changesets.CreateAsync(DatasetId, changeset, ct), (id, ct) => Services.Changesets.GetAsync(DatasetId, id, ct));
            }
        }

        private ChangesetDefinition Define() =>
            new ChangesetDefinition { ChangeType = ChangeType, SourceParams = BuildSource(), FormatParams = BuildFormat(), ClientToken = ClientToken };
    }
}
