using System.Linq;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Binding;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Creates a permission group and emits it.</summary>
    [Cmdlet(VerbsCommon.New, "FSPermissionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PermissionGroup))]
    public sealed class NewFSPermissionGroupCommand : FinSpaceBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 255)]
        public string Name { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidateLengthIfGiven(1, 4000)]
        public string? Description { get; set; }

        /// <summary>What members may do in the FinSpace application; none when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ApplicationPermissions")]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("CreateDataset", "ManageClusters", "ManageUsersAndGroups", "ManageAttributeSets", "ViewAuditData", "AccessNotebooks", "GetTemporaryCredentials")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string[]? ApplicationPermission { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var group = new PermissionGroupDefinition
            {
                Name = Name,
                Description = Description,
                ApplicationPermissions = ApplicationPermission?.ToList() ?? new System.Collections.Generic.List<string>(),
                ClientToken = ClientToken,
            };
            if (IsValid(Name, group.Validate) && ShouldProcess(Name, "Create permission group"))
            {
                WriteCreated(Name, ct => Services.PermissionGroups.CreateAsync(group, ct), Services.PermissionGroups.GetAsync);
            }
        }
    }
}
