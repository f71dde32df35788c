using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Sets the session default endpoint, region and credentials, so a script states them once.
    /// With -EnvironmentId, exchanges the caller's identity for the environment's programmatic
    /// credentials and renews them before they expire.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "FSEnvironment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FinSpaceConnection))]
    public sealed class ConnectFSEnvironmentCommand : FinSpaceCmdlet
    {
        /// <summary>The FinSpace environment whose programmatic credentials later commands use.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 26)]
        public string? EnvironmentId { get; set; }

        /// <summary>How long each set of programmatic credentials lives before renewal, 1 to 60 minutes (default 60).</summary>
        [Parameter]
        [ValidateRange(1, 60)]
        public long? DurationInMinutes { get; set; }

        /// <summary>
        /// The longest wait before one retry for the session's commands, in milliseconds (default 5000):
        /// retry n waits a random time below min(1 s × 2^(n−1), this). 0 retries at once.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 300000)]
        public int? MaxRetryDelayMilliseconds { get; set; }

        protected override System.TimeSpan? RetryDelayCap =>
            MaxRetryDelayMilliseconds is { } milliseconds ? System.TimeSpan.FromMilliseconds(milliseconds) : null;

        /// <summary>Emits the resulting connection (no secrets).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (DurationInMinutes is not null && !MyInvocation.BoundParameters.ContainsKey(nameof(EnvironmentId)))
            {
                ThrowTerminatingError(ErrorRecords.From(
                    new System.ArgumentException("-DurationInMinutes applies only with -EnvironmentId: it is the lifetime of the environment's programmatic credentials.", nameof(DurationInMinutes)), null));
            }
        }

        protected override void ProcessRecord()
        {
            var target = EnvironmentId is null ? "this session" : $"this session, as environment {EnvironmentId}";
            if (!ShouldProcess(target, "Set the FinSpace connection default"))
            {
                return;
            }

            if (TryInvoke(target, ct => SessionConnector.ConnectAsync(GivenConnection(), ReadAwsToolsDefaults(), EnvironmentId, DurationInMinutes, ClientCache.Shared, ct), out var defaults))
            {
                // The session default it replaces ends: its clients leave the cache, disposed.
                SessionConnector.End(SessionStore.Current, ClientCache.Shared);
                SessionStore.Set(defaults);
                WriteVerbose($"FinSpace session default: {(defaults.EndpointUrl is null ? "the regional endpoint" : $"{defaults.EndpointUrl} (from {defaults.EndpointSource})")} in {defaults.Region}, credentials from {defaults.CredentialSource}" +
                    (defaults.MaxAttempts is { } attempts ? $", at most {attempts} attempt{(attempts == 1 ? string.Empty : "s")} per request." : "."));
                if (PassThru)
                {
                    WriteObject(SessionConnector.Describe(defaults));
                }
            }
        }
    }
}
