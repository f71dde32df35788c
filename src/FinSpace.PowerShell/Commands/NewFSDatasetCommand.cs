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
            DatasetDefinition? dataset = null;
            if (IsValid(Title, () => (dataset = Define()).Validate()) && ShouldProcess(Title, "Create dataset"))
            {
                WriteCreated(Title, ct => Services.Datasets.CreateAsync(dataset!, ct), (id, ct) => Services.Datasets.GetCreatedAsync(id, dataset!, ct));
            }
        }

        private DatasetDefinition Define() => new DatasetDefinition
        {
            Title = Title,
            Kind = Kind,
            Description = Description,
            Alias = Alias,
            Schema = SchemaBuilder.FromParameters(PSValues.Unwrap(Schema), PrimaryKey),
            Owner = DatasetDefinition.OwnerFrom(OwnerName, OwnerEmail, OwnerPhoneNumber),
            PermissionGroupId = PermissionGroupId,
            DatasetPermissions = DatasetPermission is null ? new System.Collections.Generic.List<string>() : new System.Collections.Generic.List<string>(DatasetPermission),
            ClientToken = ClientToken,
        };
    }
}
