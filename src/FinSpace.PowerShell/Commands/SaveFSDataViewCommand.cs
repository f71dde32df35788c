using System;
using System.IO;
using System.Management.Automation;
using FinSpace.Management.Transfer;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Downloads a dataview's files into a local folder, keeping their relative paths (partition
    /// folders); files already there with the same bytes are skipped, different ones are an error
    /// unless -Force.
    /// </summary>
    [Cmdlet(VerbsData.Save, "FSDataView", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveFSDataViewCommand : FinSpaceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DataViewIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DataViewId { get; set; } = null!;

        /// <summary>The folder the files go into (created when missing).</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = null!;

        /// <summary>Replaces local files whose content differs from the dataview's.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emits a FileInfo for each file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The S3 endpoint (default: AWS_ENDPOINT_URL_S3, else the region's S3).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? S3EndpointUrl { get; set; }

        protected override void ProcessRecord()
        {
            var options = new TransferOptions { S3EndpointUrl = S3EndpointUrl };
            string destination;
            try
            {
                options.Validate();
                destination = TransferService.PlanDestination(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination));
            }
            catch (ArgumentException invalid)
            {
                WriteError(ErrorRecords.From(invalid, DataViewId));
                return;
            }

            if (!ShouldProcess(DataViewId, $"Download the files of dataview {DataViewId} (dataset {DatasetId}) into {destination}"))
            {
                return;
            }

            WriteTransfer(DataViewId, Services.Transfers.SaveDataView(DatasetId, DataViewId, destination, Force, options, Cancellation), PassThru);
        }
    }
}
