using System.Collections;
using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// The typed format parameters every cmdlet that creates or changes a changeset shares
    /// (New-FSChangeset, Set-FSChangeset, Import-FSChangeset), with the hashtable escape hatch for keys
    /// FinSpace adds later. A typed parameter wins over the same key in the hashtable.
    /// </summary>
    public abstract class ChangesetFormatCmdletBase : FinSpaceCmdlet
    {
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

        /// <summary>Further formatParams keys, as a hashtable.</summary>
        [Parameter]
        [Alias("FormatParams")]
        [ValidateNotNull]
        public IDictionary? FormatParameter { get; set; }

        protected StringMap BuildFormat() =>
            ChangesetParameters.Format(
                FormatType,
                MyInvocation.BoundParameters.ContainsKey(nameof(WithHeader)) ? WithHeader.IsPresent : null,
                Separator,
                Compression,
                ChangesetParameters.FromDictionary(FormatParameter, nameof(FormatParameter)));
    }
}
