using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Adds users to a permission group: Get-FSUser | Add-FSUserToPermissionGroup -PermissionGroupId …</summary>
    [Cmdlet(VerbsCommon.Add, "FSUserToPermissionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PermissionGroupMembership))]
    public sealed class AddFSUserToPermissionGroupCommand : FinSpaceBulkCmdlet
    {
        /// <summary>Also binds by property name, so Import-Csv of PermissionGroupId,UserId rows works.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PermissionGroupIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string PermissionGroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = null!;

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        /// <summary>Emits the membership of each user added.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in UserId)
            {
                if (!ShouldProcess(user, $"Add to permission group {PermissionGroupId}"))
                {
                    continue;
                }

                var passThru = PassThru.IsPresent;
                Submit(user, async ct =>
                {
                    var membership = await Services.PermissionGroups.AddUserAsync(PermissionGroupId, user, ClientToken, ct).ConfigureAwait(false);
                    return passThru ? membership : null;
                });
            }
        }
    }
}
