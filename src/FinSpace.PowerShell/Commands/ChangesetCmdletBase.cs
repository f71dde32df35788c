using System.Collections;
using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// The typed source and format parameters New-FSChangeset and Set-FSChangeset share, with the
    /// hashtable escape hatches for keys FinSpace adds later. A typed parameter wins over the same key
    /// in the hashtable.
    /// </summary>
    public abstract class ChangesetCmdletBase : FinSpaceCmdlet
    {
        /// <summary>Where the files are, e.g. s3://bucket/path/data.csv.</summary>
        [Parameter]
        [Alias("S3SourcePath")]
        [ValidatePattern(@"^s3://\S+")]
        public string? SourcePath { get; set; }

        /// <summary>S3 (the default when -SourcePath is given).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SourceType { get; set; }

        [Parameter]
        [ValidateSet("CSV", "JSON", "PARQUET", "XML", IgnoreCase = true)]
        public string? FormatType { get; set; }

        /// <summary>Whether CSV files start with a header row (-WithHeader:$false for none).</summary>
        [Parameter]
        public SwitchParameter WithHeader { get; set; }

        /// <summary>The CSV column separator, e.g. ',' or "`t".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Separator { get; set; }

        [Parameter]
        [ValidateSet("NONE", "GZIP", "BZIP2", "LZ4", "SNAPPY", IgnoreCase = true)]
        public string? Compression { get; set; }

        /// <summary>Further sourceParams keys, as a hashtable.</summary>
        [Parameter]
        [Alias("SourceParams")]
        [ValidateNotNull]
        public IDictionary? SourceParameter { get; set; }

        /// <summary>Further formatParams keys, as a hashtable.</summary>
        [Parameter]
        [Alias("FormatParams")]
        [ValidateNotNull]
        public IDictionary? FormatParameter { get; set; }

        protected StringMap BuildSource() =>
            ChangesetParameters.Source(SourcePath, SourceType, ChangesetParameters.FromDictionary(SourceParameter, nameof(SourceParameter)));

        protected StringMap BuildFormat() =>
            ChangesetParameters.Format(
                FormatType?.ToUpperInvariant(),
                MyInvocation.BoundParameters.ContainsKey(nameof(WithHeader)) ? WithHeader.IsPresent : null,
                Separator,
                Compression?.ToUpperInvariant(),
                ChangesetParameters.FromDictionary(FormatParameter, nameof(FormatParameter)));
    }
}
