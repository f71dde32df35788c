using System;
using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>The timing parameters the Wait-FS* cmdlets share.</summary>
    public abstract class WaitCmdletBase : FinSpaceCmdlet
    {
        /// <summary>How long to wait before giving up with a WaitTimeout error (default 1800 seconds).</summary>
        [Parameter]
        [Alias("Timeout")]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Seconds between status checks (default 5).</summary>
        [Parameter]
        [ValidateRange(0.01, 3600.0)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        protected WaitOptions Options => new WaitOptions
        {
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            PollInterval = TimeSpan.FromSeconds(PollIntervalSec),
        };
    }
}
