using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Waits, with a progress bar, until changesets succeed, fail or stop; emits each final changeset.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "FSChangeset", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Changeset))]
    public sealed class WaitFSChangesetCommand : WaitCmdletBase
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

        protected override void ProcessRecord()
        {
            var (datasetId, changesetId) = ParameterSetName == InputObjectSet ? (InputObject.DatasetId, InputObject.ChangesetId) : (DatasetId, ChangesetId);
            WriteWait(
                changesetId,
                $"Waiting for changeset {changesetId}",
                Services.Changesets.Observe(datasetId, changesetId, Options, Cancellation),
                c => c.Status,
                ChangesetService.FailureOf);
        }
    }
}
