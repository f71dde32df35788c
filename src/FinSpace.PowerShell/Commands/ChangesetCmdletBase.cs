using System.Collections;
using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// The typed source parameters New-FSChangeset and Set-FSChangeset share (the format ones come
    /// from ChangesetFormatCmdletBase), with the hashtable escape hatch for keys FinSpace adds later.
    /// A typed parameter wins over the same key in the hashtable.
    /// </summary>
    public abstract class ChangesetCmdletBase : ChangesetFormatCmdletBase
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

        /// <summary>Further sourceParams keys, as a hashtable.</summary>
        [Parameter]
        [Alias("SourceParams")]
        [ValidateNotNull]
        public IDictionary? SourceParameter { get; set; }

        /// <summary>
        /// How many requests may be in flight at once (1 to 64; default 1, one at a time in input
        /// order), as on FinSpaceBulkCmdlet, which this class cannot derive from (its format base is
        /// shared with Import-FSChangeset, whose uploads have their own -ConcurrentRequests).
        /// </summary>
        [Parameter]
        [ValidateRange(1, FinSpaceBulkCmdlet.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 1;

        protected override int ConcurrencyLimit => ThrottleLimit;

        protected StringMap BuildSource() =>
            ChangesetParameters.Source(SourcePath, SourceType, ChangesetParameters.FromDictionary(SourceParameter, nameof(SourceParameter)));
    }
}
