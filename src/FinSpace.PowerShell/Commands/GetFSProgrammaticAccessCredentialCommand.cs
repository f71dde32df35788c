using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Gets temporary credentials for a FinSpace environment. The secret key and session token are
    /// SecureStrings unless -AsPlainText is given. To use them for every later command, see
    /// Connect-FSEnvironment -EnvironmentId, which also renews them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FSProgrammaticAccessCredential")]
    [OutputType(typeof(ProgrammaticCredential), typeof(PlainTextProgrammaticCredential))]
    public sealed class GetFSProgrammaticAccessCredentialCommand : FinSpaceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 26)]
        public string EnvironmentId { get; set; } = null!;

        /// <summary>How long the credentials live, 1 to 60 minutes.</summary>
        [Parameter]
        [ValidateRange(1, 60)]
        public long? DurationInMinutes { get; set; }

        /// <summary>Emits the secret key and session token as plain text.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override void ProcessRecord()
        {
            if (TryInvoke(EnvironmentId, ct => Services.Environment.GetProgrammaticAccessCredentialAsync(EnvironmentId, DurationInMinutes, ct), out var credential))
            {
                WriteObject(AsPlainText ? credential : EnvironmentService.Protect(credential));
            }
        }
    }
}
