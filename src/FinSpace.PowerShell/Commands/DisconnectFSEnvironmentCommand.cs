using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Forgets the session default set by Connect-FSEnvironment and disposes the clients it used.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "FSEnvironment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectFSEnvironmentCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            if (ShouldProcess("this session", "Forget the FinSpace connection default"))
            {
                SessionConnector.End(SessionStore.Current, ClientCache.Shared);
                SessionStore.Set(null);
            }
        }
    }
}
