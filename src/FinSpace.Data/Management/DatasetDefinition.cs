using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>What New-FSDataset creates.</summary>
    public sealed class DatasetDefinition
    {
        public string Title { get; set; } = string.Empty;
        /// <summary>TABULAR or NON_TABULAR.</summary>
        public string Kind { get; set; } = "TABULAR";
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
    }
}
