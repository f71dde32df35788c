using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Enables users so they can sign in again.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "FSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ById")]
    [OutputType(typeof(User))]
    public sealed class EnableFSUserCommand : UserStateCmdletBase
    {
        protected override string Action => "Enable user";

        protected override Task Apply(string userId, CancellationToken cancellationToken) =>
            Services.Users.EnableAsync(userId, ClientToken, cancellationToken);
    }
}
