using System;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Changes a dataset: only the parameters given change; the rest is read from the dataset and kept.</summary>
    [Cmdlet(VerbsCommon.Set, "FSDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Dataset))]
    public sealed class SetFSDatasetCommand : FinSpaceBulkCmdlet
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Dataset InputObject { get; set; } = null!;

        [Parameter]
        [Alias("DatasetTitle")]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        [ValidateSet("TABULAR", "NON_TABULAR", IgnoreCase = true)]
        public string? Kind { get; set; }

        /// <summary>A new description; '' clears it.</summary>
        [Parameter]
        [Alias("DatasetDescription")]
        public string? Description { get; set; }

        /// <summary>A new alias (alias/name); an alias cannot be removed, so '' is refused saying so.</summary>
        [Parameter]
        public string? Alias { get; set; }

        /// <summary>The complete new schema (it replaces the current one).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Schema { get; set; }

        [Parameter]
        [Alias("PrimaryKeyColumn")]
        [ValidateNotNullOrEmpty]
        public string[]? PrimaryKey { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // One set of changes for every dataset in the pipeline: checked once, never modified (the
        // service derives each dataset's token from -ClientToken and the id).
        private DatasetChanges _changes = null!;

        protected override void BeginProcessing() =>
            _changes = StopUnlessValid(Changes, changes => changes.Validate());

        protected override void ProcessRecord()
        {
            var id = ParameterSetName == InputObjectSet ? InputObject.DatasetId : DatasetId;
            if (ShouldProcess(id, "Update dataset"))
            {
                Change(id, ct => Services.Datasets.UpdateAsync(id, _changes, ct), PassThru, ct => Services.Datasets.GetAsync(id, ct));
            }
        }

        private DatasetChanges Changes() => new DatasetChanges
        {
            Title = Title,
            Kind = Kind,
            Description = Description,
            Alias = Alias,
            Schema = SchemaBuilder.FromParameters(PSValues.Unwrap(Schema), PrimaryKey),
            ClientToken = ClientToken,
        };
    }
}
