using System;
using System.Linq;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Changes a permission group: only the parameters given change.</summary>
    [Cmdlet(VerbsCommon.Set, "FSPermissionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(PermissionGroup))]
    public sealed class SetFSPermissionGroupCommand : FinSpaceBulkCmdlet
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PermissionGroupIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string PermissionGroupId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PermissionGroup InputObject { get; set; } = null!;

        [Parameter]
        [ValidateLength(1, 255)]
        public string? Name { get; set; }

        [Parameter]
        [ValidateLength(1, 4000)]
        public string? Description { get; set; }

        /// <summary>The complete new set of application permissions.</summary>
        [Parameter]
        [Alias("ApplicationPermissions")]
        [ValidateSet("CreateDataset", "ManageClusters", "ManageUsersAndGroups", "ManageAttributeSets", "ViewAuditData", "AccessNotebooks", "GetTemporaryCredentials", IgnoreCase = true)]
        public string[]? ApplicationPermission { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Name is null && Description is null && ApplicationPermission is null)
            {
                ThrowTerminatingError(ErrorRecords.From(
                    new ArgumentException("Give at least one of -Name, -Description or -ApplicationPermission: nothing would change.", nameof(Name)), null));
            }
        }

        protected override void ProcessRecord()
        {
            var id = ParameterSetName == InputObjectSet ? InputObject.PermissionGroupId : PermissionGroupId;
            if (!ShouldProcess(id, "Update permission group"))
            {
                return;
            }

            var changes = new PermissionGroupChanges
            {
                Name = Name,
                Description = Description,
                ApplicationPermissions = ApplicationPermission?.ToList(),
                ClientToken = ClientTokens.ForItem(ClientToken, id),
            };
            Change(id, ct => Services.PermissionGroups.UpdateAsync(id, changes, ct), PassThru, ct => Services.PermissionGroups.GetAsync(id, ct));
        }
    }
}
