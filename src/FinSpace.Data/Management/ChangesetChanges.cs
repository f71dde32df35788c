using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>
    /// What Set-FSChangeset changes: keys laid over the current source and format maps. A key cannot
    /// be cleared: every value must hold a non-blank character (the model's pattern), and a key not
    /// given keeps its current value.
    /// </summary>
    public sealed class ChangesetChanges
    {
        public StringMap SourceParams { get; set; } = new StringMap();
        public StringMap FormatParams { get; set; } = new StringMap();
        /// <summary>The caller's token; each changeset's own token is derived from it and the ids.</summary>
        public string? ClientToken { get; set; }

        /// <summary>True when nothing would change.</summary>
        public bool IsEmpty => SourceParams.Count == 0 && FormatParams.Count == 0;

        /// <summary>Fails naming each parameter that breaks the model; nothing is sent (not even the read of the current changeset).</summary>
        public void Validate(string? datasetId = null, string? changesetId = null)
        {
            var check = new ParameterCheck(ServiceModel.UpdateChangeset)
                .IdIfGiven("DatasetId", "datasetId", datasetId)
                .IdIfGiven("ChangesetId", "changesetId", changesetId);
            ChangesetParameters.CheckMaps(check, SourceParams, FormatParams)
                .Rule(IsEmpty, "SourcePath", "nothingToChange",
                    "Give at least one source or format parameter (-SourcePath, -FormatType, -WithHeader, -Separator, -Compression, -SourceParameter, -FormatParameter): nothing would change")
                .CallerToken(ClientToken)
                .ThrowIfInvalid();
        }
    }
}
