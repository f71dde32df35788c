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

        /// <summary>A new name (1 to 255 characters).</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>A new description (1 to 4000 characters); it cannot be cleared, so '' is refused saying so.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>The complete new set of application permissions; @() removes every one.</summary>
        [Parameter]
        [Alias("ApplicationPermissions")]
        [ValidateSet("CreateDataset", "ManageClusters", "ManageUsersAndGroups", "ManageAttributeSets", "ViewAuditData", "AccessNotebooks", "GetTemporaryCredentials", IgnoreCase = true)]
        public string[]? ApplicationPermission { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // One set of changes for every group in the pipeline: checked once, never modified.
        private PermissionGroupChanges _changes = null!;

        protected override void BeginProcessing() =>
            _changes = StopUnlessValid(
                () => new PermissionGroupChanges { Name = Name, Description = Description, ApplicationPermissions = ApplicationPermission?.ToList(), ClientToken = ClientToken },
                changes => changes.Validate());

        protected override void ProcessRecord()
        {
            var id = ParameterSetName == InputObjectSet ? InputObject.PermissionGroupId : PermissionGroupId;
            if (ShouldProcess(id, "Update permission group"))
            {
                Change(id, ct => Services.PermissionGroups.UpdateAsync(id, _changes, ct), PassThru, ct => Services.PermissionGroups.GetAsync(id, ct));
            }
        }
    }
}
