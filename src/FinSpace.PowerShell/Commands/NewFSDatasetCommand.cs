using System;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Binding;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Creates a dataset and emits it as the service now describes it.</summary>
    [Cmdlet(VerbsCommon.New, "FSDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Dataset))]
    public sealed class NewFSDatasetCommand : FinSpaceBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DatasetTitle")]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("TABULAR", "NON_TABULAR")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string? Kind { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DatasetDescription")]
        [EmptyMeansNotGiven]
        public string? Description { get; set; }

        /// <summary>A unique alias, e.g. alias/equities.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidatePatternIfGiven(@"^alias/\S+")]
        public string? Alias { get; set; }

        /// <summary>Columns: an [ordered] hashtable of name = data type, column objects with Name and DataType, or another dataset's Schema.</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Schema { get; set; }

        [Parameter]
        [Alias("PrimaryKeyColumn")]
        [ValidateNotNullOrEmpty]
        public string[]? PrimaryKey { get; set; }

        [Parameter]
        public string? OwnerName { get; set; }

        [Parameter]
        public string? OwnerEmail { get; set; }

        [Parameter]
        public string? OwnerPhoneNumber { get; set; }

        /// <summary>The permission group that receives -DatasetPermission on the new dataset.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PermissionGroupIdCompleter))]
        [EmptyMeansNotGiven]
        public string? PermissionGroupId { get; set; }

        [Parameter]
        [ValidateSet("ViewDatasetDetails", "ReadDatasetDetails", "AddDatasetData", "CreateDataView", "EditDatasetMetadata", "DeleteDataset", IgnoreCase = true)]
        public string[]? DatasetPermission { get; set; }

        /// <summary>Makes a retried script create the dataset only once.</summary>
        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            DatasetDefinition definition;
            try
            {
                definition = Define();
            }
            catch (ArgumentException invalid)
            {
                WriteError(ErrorRecords.From(invalid, Title));
                return;
            }

            if (!ShouldProcess(Title, "Create dataset"))
            {
                return;
            }

            WriteCreated(Title, ct => Services.Datasets.CreateAsync(definition, ct), (id, ct) => Services.Datasets.GetCreatedAsync(id, definition, ct));
        }

        private DatasetDefinition Define()
        {
            var kind = (Kind ?? "TABULAR").ToUpperInvariant();
            if (Schema is not null && kind != "TABULAR")
            {
                throw new ArgumentException("-Schema applies only to -Kind TABULAR datasets.", nameof(Schema));
            }

            if (PrimaryKey is not null && Schema is null)
            {
                throw new ArgumentException("-PrimaryKey needs -Schema: the key columns must be columns of the schema.", nameof(PrimaryKey));
            }

            var hasOwner = OwnerName is not null || OwnerEmail is not null || OwnerPhoneNumber is not null;
            return new DatasetDefinition
            {
                Title = Title,
                Kind = kind,
                Description = Description,
                Alias = Alias,
                Schema = Schema is null ? null : SchemaBuilder.Build(PSValues.Unwrap(Schema)!, PrimaryKey),
                Owner = hasOwner ? new DatasetOwner { Name = OwnerName, Email = OwnerEmail, PhoneNumber = OwnerPhoneNumber } : null,
                PermissionGroupId = PermissionGroupId,
                DatasetPermissions = DatasetPermission is null ? new System.Collections.Generic.List<string>() : new System.Collections.Generic.List<string>(DatasetPermission),
                ClientToken = ClientTokens.ForItem(ClientToken, Title, kind, Alias, Description),
            };
        }
    }
}
