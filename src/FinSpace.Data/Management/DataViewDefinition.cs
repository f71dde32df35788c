using System;
using System.Collections.Generic;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>What New-FSDataView creates. Enum values may be given in any case; <see cref="ClientToken"/> is the caller's, the service derives the dataview's own from it.</summary>
    public sealed class DataViewDefinition
    {
        /// <summary>The destination types FinSpace documents (the model leaves the member free-form).</summary>
        public static IReadOnlyList<string> KnownDestinationTypes { get; } = new[] { "GLUE_TABLE", "S3" };

        /// <summary>GLUE_TABLE or S3.</summary>
        public string DestinationType { get; set; } = "GLUE_TABLE";
        /// <summary>PARQUET or DELIMITED_TEXT (S3 destinations).</summary>
        public string? ExportFileFormat { get; set; }
        public StringMap ExportFileFormatOptions { get; set; } = new StringMap();
        public bool? AutoUpdate { get; set; }
        public DateTimeOffset? AsOf { get; set; }
        public List<string> PartitionColumns { get; set; } = new List<string>();
        public List<string> SortColumns { get; set; } = new List<string>();
        public string? ClientToken { get; set; }

        /// <summary>The destination type as FinSpace spells it (upper case), however it was typed.</summary>
        public string CanonicalDestinationType => (DestinationType ?? "GLUE_TABLE").ToUpperInvariant();

        /// <summary>The export file format in the model's spelling, or null.</summary>
        public string? CanonicalExportFileFormat => ExportFileFormat is null ? null : (string)ParameterCheck.Canonical(ServiceModel.ExportFileFormatShape, ExportFileFormat);

        /// <summary>Fails naming each parameter that breaks the model or a rule between parameters; nothing is sent.</summary>
        public void Validate(string datasetId) => new ParameterCheck(ServiceModel.CreateDataView)
            .Id("DatasetId", "datasetId", datasetId)
            .Required("DestinationType", "destinationTypeParams.destinationType", DestinationType)
            .Rule(DestinationType is { Length: > 0 } && !((IList<string>)KnownDestinationTypes).Contains(CanonicalDestinationType), "DestinationType", "enum",
                $"-DestinationType must be one of {string.Join(", ", KnownDestinationTypes)}")
            .Rule(CanonicalDestinationType != "S3" && (ExportFileFormat is not null || ExportFileFormatOptions.Count > 0), "ExportFileFormat", "s3Only",
                "-ExportFileFormat and -ExportFileFormatOption apply only to -DestinationType S3")
            .Given("ExportFileFormat", "destinationTypeParams.s3DestinationExportFileFormat", ExportFileFormat)
            .Given("ExportFileFormatOption", "destinationTypeParams.s3DestinationExportFileFormatOptions", ExportFileFormatOptions.Count == 0 ? null : ExportFileFormatOptions)
            .Given("PartitionColumn", "partitionColumns", PartitionColumns.Count == 0 ? null : PartitionColumns)
            .Given("SortColumn", "sortColumns", SortColumns.Count == 0 ? null : SortColumns)
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
