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

        [Parameter]
        [Alias("DatasetDescription")]
        public string? Description { get; set; }

        [Parameter]
        [ValidatePattern(@"^alias/\S+")]
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

        private DatasetChanges _changes = null!;

        protected override void BeginProcessing()
        {
            try
            {
                if (Title is null && Kind is null && Description is null && Alias is null && Schema is null)
                {
                    throw new ArgumentException("Give at least one of -Title, -Kind, -Description, -Alias or -Schema: nothing would change.", nameof(Title));
                }

                if (PrimaryKey is not null && Schema is null)
                {
                    throw new ArgumentException("-PrimaryKey needs -Schema: the key columns must be columns of the schema.", nameof(PrimaryKey));
                }

                _changes = new DatasetChanges
                {
                    Title = Title,
                    Kind = Kind?.ToUpperInvariant(),
                    Description = Description,
                    Alias = Alias,
                    Schema = Schema is null ? null : SchemaBuilder.Build(PSValues.Unwrap(Schema)!, PrimaryKey),
                };
            }
            catch (ArgumentException invalid)
            {
                ThrowTerminatingError(ErrorRecords.From(invalid, null));
            }
        }

        protected override void ProcessRecord()
        {
            var id = ParameterSetName == InputObjectSet ? InputObject.DatasetId : DatasetId;
            if (!ShouldProcess(id, "Update dataset"))
            {
                return;
            }

            // One copy per item: with -ThrottleLimit the update of an earlier item may still be in flight.
            var changes = new DatasetChanges
            {
                Title = _changes.Title,
                Kind = _changes.Kind,
                Description = _changes.Description,
                Alias = _changes.Alias,
                Schema = _changes.Schema,
                ClientToken = ClientTokens.ForItem(ClientToken, id),
            };
            Change(id, ct => Services.Datasets.UpdateAsync(id, changes, ct), PassThru, ct => Services.Datasets.GetAsync(id, ct));
        }
    }
}
