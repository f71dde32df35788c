using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Lists every permission group, gets groups by id, or lists the groups a user belongs to (-UserId).</summary>
    [Cmdlet(VerbsCommon.Get, "FSPermissionGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PermissionGroup), ParameterSetName = new[] { ListSet, ByIdSet })]
    [OutputType(typeof(UserPermissionGroup), ParameterSetName = new[] { ByUserSet })]
    public sealed class GetFSPermissionGroupCommand : FinSpaceBulkCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string ByUserSet = "ByUser";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PermissionGroupIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] PermissionGroupId { get; set; } = null!;

        /// <summary>Lists the groups this user belongs to as UserPermissionGroup objects (id, name, membership status). Get-FSUser | Get-FSPermissionGroup works.</summary>
        [Parameter(ParameterSetName = ByUserSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByUserSet)]
        [Alias("PageSize")]
        [ValidateRange(1, 100)]
        public int? MaxResults { get; set; }

        /// <summary>Starts the listing at this page token: the NextToken of the ListingIncompleteException a failed listing reported.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByUserSet)]
        [Alias("NextToken")]
        [ValidateNotNullOrEmpty]
        public string? StartingToken { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ListSet:
                    WriteStream(null, Services.PermissionGroups.List(MaxResults, Cancellation, StartingToken));
                    break;
                case ByUserSet:
                    WriteStream(UserId, Services.PermissionGroups.ListByUser(UserId, MaxResults, Cancellation, StartingToken));
                    break;
                default:
                    WriteEach(PermissionGroupId, Services.PermissionGroups.GetAsync);
                    break;
            }
        }
    }
}
