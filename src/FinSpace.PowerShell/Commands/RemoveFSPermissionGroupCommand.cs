using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Deletes permission groups. Irreversible: confirms unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "FSPermissionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(PermissionGroup))]
    public sealed class RemoveFSPermissionGroupCommand : FinSpaceBulkCmdlet
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PermissionGroupIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] PermissionGroupId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PermissionGroup[] InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emits each deleted group as it was just before deletion.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (var group in InputObject)
                {
                    Remove(group.PermissionGroupId, group);
                }

                return;
            }

            foreach (var id in PermissionGroupId)
            {
                Remove(id, known: null);
            }
        }

        private void Remove(string id, PermissionGroup? known) =>
            Remove(id, known, Force, PassThru, "Delete permission group", ct => Services.PermissionGroups.GetAsync(id, ct), ct => Services.PermissionGroups.DeleteAsync(id, ClientToken, ct));
    }
}
