using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>What New-FSChangeset creates. The change type may be given in any case; <see cref="ClientToken"/> is the caller's, the service derives the changeset's own from it.</summary>
    public sealed class ChangesetDefinition
    {
        /// <summary>REPLACE, APPEND or MODIFY.</summary>
        public string ChangeType { get; set; } = "APPEND";
        public StringMap SourceParams { get; set; } = new StringMap();
        public StringMap FormatParams { get; set; } = new StringMap();
        public string? ClientToken { get; set; }

        /// <summary>The change type in the model's spelling.</summary>
        public string CanonicalChangeType => (string)ParameterCheck.Canonical(ServiceModel.ChangeTypeShape, ChangeType ?? "APPEND");

        /// <summary>Fails naming each parameter that breaks the model, or a missing source path or format type; nothing is sent.</summary>
        public void Validate(string datasetId) => ChangesetParameters.CheckMaps(
                new ParameterCheck(ServiceModel.CreateChangeset)
                    .Id("DatasetId", "datasetId", datasetId)
                    .Required("ChangeType", "changeType", ChangeType),
                SourceParams,
                FormatParams)
            .Rule(!SourceParams.ContainsKey(ChangesetParameters.S3SourcePath), "SourcePath", "required",
                "-SourcePath is required (or an s3SourcePath key in -SourceParameter): FinSpace needs to know where the files are")
            .Rule(!FormatParams.ContainsKey(ChangesetParameters.FormatType), "FormatType", "required",
                "-FormatType is required (or a formatType key in -FormatParameter): CSV, JSON, PARQUET or XML")
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
