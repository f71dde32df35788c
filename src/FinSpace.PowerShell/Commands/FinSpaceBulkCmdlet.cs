using System.Management.Automation;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// A cmdlet that takes many items from the pipeline and may have several requests in flight at
    /// once (docs/design/concurrency.md). The default of 1 is today's sequential loop: output in input
    /// order, one request at a time. With -ThrottleLimit N output comes in completion order.
    /// </summary>
    public abstract class FinSpaceBulkCmdlet : FinSpaceCmdlet
    {
        /// <summary>The largest -ThrottleLimit: beyond this a single client gains nothing but throttling.</summary>
        public const int MaxThrottleLimit = 64;

        /// <summary>How many requests may be in flight at once (1 to 64; default 1, one at a time in input order).</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 1;

        protected override int ConcurrencyLimit => ThrottleLimit;
    }
}
