using System;

namespace FinSpace.Management
{
    /// <summary>How long to wait for an asynchronous resource, and how often to look.</summary>
    public sealed class WaitOptions
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

        public TimeSpan Timeout { get; set; } = DefaultTimeout;
        public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
    }
}
