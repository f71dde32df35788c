using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Gets where an S3 dataview's files are and temporary credentials to read them. The secret key
    /// and session token are SecureStrings unless -AsPlainText is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FSExternalDataViewAccessDetail")]
    [OutputType(typeof(DataViewAccessDetail), typeof(PlainTextDataViewAccessDetail))]
    public sealed class GetFSExternalDataViewAccessDetailCommand : FinSpaceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DataViewIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DataViewId { get; set; } = null!;

        /// <summary>Emits the secret key and session token as plain text.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override void ProcessRecord()
        {
            if (TryInvoke(DataViewId, ct => Services.DataViews.GetAccessDetailAsync(DatasetId, DataViewId, ct), out var detail))
            {
                WriteObject(AsPlainText ? detail : DataViewService.Protect(detail));
            }
        }
    }
}
