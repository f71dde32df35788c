using System.Collections.Generic;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>What New-FSDataset creates. Enum values may be given in any case; <see cref="ClientToken"/> is the caller's, the service derives the dataset's own from it.</summary>
    public sealed class DatasetDefinition
    {
        public string Title { get; set; } = string.Empty;
        /// <summary>TABULAR or NON_TABULAR (null: TABULAR).</summary>
        public string? Kind { get; set; } = "TABULAR";
        public string? Description { get; set; }
        public string? Alias { get; set; }
        public DatasetOwner? Owner { get; set; }
        public DatasetSchema? Schema { get; set; }
        /// <summary>The permission group that receives <see cref="DatasetPermissions"/> on the new dataset.</summary>
        public string? PermissionGroupId { get; set; }
        /// <summary>ViewDatasetDetails, ReadDatasetDetails, AddDatasetData, CreateDataView, EditDatasetMetadata, DeleteDataset.</summary>
        public List<string> DatasetPermissions { get; set; } = new List<string>();

        /// <summary>The dataset permissions the service documents, in their exact spelling.</summary>
        public static IReadOnlyList<string> KnownDatasetPermissions { get; } = new[]
        {
            "ViewDatasetDetails", "ReadDatasetDetails", "AddDatasetData", "CreateDataView", "EditDatasetMetadata", "DeleteDataset",
        };
        public string? ClientToken { get; set; }

        /// <summary>The owner given by its parts, or null when none was given.</summary>
        public static DatasetOwner? OwnerFrom(string? name, string? email, string? phoneNumber) =>
            name is null && email is null && phoneNumber is null ? null : new DatasetOwner { Name = name, Email = email, PhoneNumber = phoneNumber };

        /// <summary>The kind in the model's spelling.</summary>
        public string CanonicalKind => (string)ParameterCheck.Canonical(ServiceModel.DatasetKindShape, Kind ?? "TABULAR");

        /// <summary>Fails naming each parameter that breaks the model or a rule between parameters; nothing is sent.</summary>
        public void Validate() => new ParameterCheck(ServiceModel.CreateDataset)
            .Required("Title", "datasetTitle", Title)
            .Given("Kind", "kind", Kind)
            .Given("Description", "datasetDescription", Description)
            .Given("Alias", "alias", Alias)
            .Rule(Schema is not null && CanonicalKind != "TABULAR", "Schema", "tabularOnly", "-Schema applies only to -Kind TABULAR datasets")
            .Given("Schema", "schemaDefinition", ResourceMapper.ToWire(Schema))
            .Given("OwnerName", "ownerInfo.name", Owner?.Name)
            .Given("OwnerEmail", "ownerInfo.email", Owner?.Email)
            .Given("OwnerPhoneNumber", "ownerInfo.phoneNumber", Owner?.PhoneNumber)
            .Given("PermissionGroupId", "permissionGroupParams.permissionGroupId", PermissionGroupId)
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
