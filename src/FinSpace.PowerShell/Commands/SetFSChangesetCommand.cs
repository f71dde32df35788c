using System;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Changes a changeset's source or format: the keys given are laid over the current ones. FinSpace
    /// records the change as a new changeset that supersedes the old one; -PassThru emits the new one.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "FSChangeset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Changeset))]
    public sealed class SetFSChangesetCommand : ChangesetCmdletBase
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ChangesetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChangesetId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Changeset InputObject { get; set; } = null!;

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // One set of changes for every changeset in the pipeline: checked once, never modified.
        private ChangesetChanges _changes = null!;

        protected override void BeginProcessing() =>
            _changes = StopUnlessValid(
                () => new ChangesetChanges { SourceParams = BuildSource(), FormatParams = BuildFormat(), ClientToken = ClientToken },
                changes => changes.Validate());

        protected override void ProcessRecord()
        {
            var (datasetId, changesetId) = ParameterSetName == InputObjectSet ? (InputObject.DatasetId, InputObject.ChangesetId) : (DatasetId, ChangesetId);
            if (!ShouldProcess(changesetId, "Update changeset"))
            {
                return;
            }

            var changes = _changes;
            if (PassThru)
            {
                // FinSpace answers an update with the id of the changeset that supersedes this one.
                WriteCreated(changesetId, ct => Services.Changesets.UpdateAsync(datasetId, changesetId, changes, ct), (id, ct) => Services.Changesets.GetAsync(datasetId, id, ct));
            }
            else
            {
                Submit(changesetId, async ct =>
                {
                    await Services.Changesets.UpdateAsync(datasetId, changesetId, changes, ct).ConfigureAwait(false);
                    return (object?)null;
                });
            }
        }
    }
}
