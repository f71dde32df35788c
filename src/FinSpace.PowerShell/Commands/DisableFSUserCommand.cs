using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Disables users: they can no longer sign in; their data and memberships stay.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "FSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ById")]
    [OutputType(typeof(User))]
    public sealed class DisableFSUserCommand : UserStateCmdletBase
    {
        protected override string Action => "Disable user";

        protected override Task Apply(string userId, CancellationToken cancellationToken) =>
            Services.Users.DisableAsync(userId, ClientToken, cancellationToken);
    }
}
