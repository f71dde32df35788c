using System.Management.Automation;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Forgets the session default set by Connect-FSEnvironment.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "FSEnvironment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectFSEnvironmentCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            if (ShouldProcess("this session", "Forget the FinSpace connection default"))
            {
                SessionStore.Set(null);
            }
        }
    }
}
