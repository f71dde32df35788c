using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Deletes datasets with their changesets and dataviews. Irreversible: confirms unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "FSDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Dataset))]
    public sealed class RemoveFSDatasetCommand : FinSpaceBulkCmdlet
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] DatasetId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Dataset[] InputObject { get; set; } = null!;

        /// <summary>Deletes without asking for confirmation (for scripts that cannot answer a prompt).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emits each deleted dataset as it was just before deletion.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (var dataset in InputObject)
                {
                    Remove(dataset.DatasetId, dataset);
                }

                return;
            }

            foreach (var id in DatasetId)
            {
                Remove(id, known: null);
            }
        }

        private void Remove(string id, Dataset? known) =>
            Remove(id, known, Force, PassThru, "Delete dataset and all its changesets and dataviews", ct => Services.Datasets.GetAsync(id, ct), ct => Services.Datasets.DeleteAsync(id, ClientToken, ct));
    }
}
