using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Creates a dataview of a dataset and emits it (it builds asynchronously: see Wait-FSDataView).</summary>
    [Cmdlet(VerbsCommon.New, "FSDataView", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DataView))]
    public sealed class NewFSDataViewCommand : FinSpaceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        /// <summary>GLUE_TABLE (the default) or S3.</summary>
        [Parameter]
        [ValidateSet("GLUE_TABLE", "S3", IgnoreCase = true)]
        public string DestinationType { get; set; } = "GLUE_TABLE";

        /// <summary>The file format of an S3 destination.</summary>
        [Parameter]
        [ValidateSet("PARQUET", "DELIMITED_TEXT", IgnoreCase = true)]
        public string? ExportFileFormat { get; set; }

        /// <summary>Options of an S3 export, e.g. @{ header = 'true'; delimiter = ','; compression = 'gzip' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? ExportFileFormatOption { get; set; }

        /// <summary>Keep the dataview updated as changesets arrive.</summary>
        [Parameter]
        public SwitchParameter AutoUpdate { get; set; }

        /// <summary>The point in time the dataview shows; now when omitted.</summary>
        [Parameter]
        [Alias("AsOfTimestamp")]
        public DateTime? AsOf { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? PartitionColumn { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? SortColumn { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            DataViewDefinition? dataView = null;
            if (IsValid(DatasetId, () => (dataView = Define()).Validate(DatasetId)) && ShouldProcess(DatasetId, $"Create {dataView!.CanonicalDestinationType} dataview"))
            {
                WriteCreated(DatasetId, ct => Services.DataViews.CreateAsync(DatasetId, dataView, ct), (id, ct) => Services.DataViews.GetAsync(DatasetId, id, ct));
            }
        }

        private DataViewDefinition Define() => new DataViewDefinition
        {
            DestinationType = DestinationType,
            ExportFileFormat = ExportFileFormat,
            ExportFileFormatOptions = ChangesetParameters.FromDictionary(ExportFileFormatOption, nameof(ExportFileFormatOption)),
            AutoUpdate = MyInvocation.BoundParameters.ContainsKey(nameof(AutoUpdate)) ? AutoUpdate.IsPresent : null,
            AsOf = AsOf is null ? null : new DateTimeOffset(AsOf.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(AsOf.Value, DateTimeKind.Local) : AsOf.Value),
            PartitionColumns = PartitionColumn?.ToList() ?? new System.Collections.Generic.List<string>(),
            SortColumns = SortColumn?.ToList() ?? new System.Collections.Generic.List<string>(),
            ClientToken = ClientToken,
        };
    }
}
