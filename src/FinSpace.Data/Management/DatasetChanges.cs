using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>
    /// What Set-FSDataset changes; a null member stays as it is. An empty <see cref="Description"/>
    /// clears the description (the model allows an empty one). An alias cannot be cleared: the model
    /// allows only <c>alias/&lt;name&gt;</c>, and UpdateDataset documents no way to remove one.
    /// </summary>
    public sealed class DatasetChanges
    {
        public string? Title { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Alias { get; set; }
        public DatasetSchema? Schema { get; set; }
        /// <summary>The caller's token; each dataset's own token is derived from it and the dataset id.</summary>
        public string? ClientToken { get; set; }

        /// <summary>True when nothing would change.</summary>
        public bool IsEmpty => Title is null && Kind is null && Description is null && Alias is null && Schema is null;

        /// <summary>
        /// Fails naming each parameter that breaks the model or cannot do what it asks; nothing is
        /// sent (not even the read of the current dataset). <paramref name="datasetId"/> null checks
        /// only the changes, as a cmdlet does once for all its pipeline items.
        /// </summary>
        public void Validate(string? datasetId = null) => new ParameterCheck(ServiceModel.UpdateDataset)
            .IdIfGiven("DatasetId", "datasetId", datasetId)
            .Rule(IsEmpty, "Title", "nothingToChange", "Give at least one of -Title, -Kind, -Description, -Alias or -Schema: nothing would change")
            .NotClearable("Title", "datasetTitle", Title, "a dataset needs a title (1 to 255 characters)")
            .Given("Kind", "kind", Kind)
            .Given("Description", "datasetDescription", Description)
            .NotClearable("Alias", "alias", Alias,
                "UpdateDataset takes only an alias of the form alias/<name> and documents no way to remove one; give a new alias instead")
            .Given("Schema", "schemaDefinition", ResourceMapper.ToWire(Schema))
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
