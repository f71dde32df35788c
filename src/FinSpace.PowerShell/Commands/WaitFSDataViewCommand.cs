using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Waits, with a progress bar, until dataviews reach a final status; emits each final dataview.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "FSDataView", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(DataView))]
    public sealed class WaitFSDataViewCommand : WaitCmdletBase
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DataViewIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DataViewId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public DataView InputObject { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var (datasetId, dataViewId) = ParameterSetName == InputObjectSet ? (InputObject.DatasetId, InputObject.DataViewId) : (DatasetId, DataViewId);
            WriteWait(
                dataViewId,
                $"Waiting for dataview {dataViewId}",
                Services.DataViews.Observe(datasetId, dataViewId, Options, Cancellation),
                v => v.Status,
                DataViewService.FailureOf);
        }
    }
}
