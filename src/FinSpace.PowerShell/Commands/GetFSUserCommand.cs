using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Lists every user, gets users by id, or lists the members of a permission group (-PermissionGroupId).</summary>
    [Cmdlet(VerbsCommon.Get, "FSUser", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(User))]
    public sealed class GetFSUserCommand : FinSpaceBulkCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string ByGroupSet = "ByPermissionGroup";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = null!;

        /// <summary>Lists this group's members with their membership status. Get-FSPermissionGroup | Get-FSUser works.</summary>
        [Parameter(ParameterSetName = ByGroupSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PermissionGroupIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string PermissionGroupId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByGroupSet)]
        [Alias("PageSize")]
        [ValidateRange(1, 100)]
        public int? MaxResults { get; set; }

        /// <summary>Starts the listing at this page token: the NextToken of the ListingIncompleteException a failed listing reported.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByGroupSet)]
        [Alias("NextToken")]
        [ValidateNotNullOrEmpty]
        public string? StartingToken { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ListSet:
                    WriteStream(null, Services.Users.List(MaxResults, Cancellation, StartingToken));
                    break;
                case ByGroupSet:
                    WriteStream(PermissionGroupId, Services.Users.ListByPermissionGroup(PermissionGroupId, MaxResults, Cancellation, StartingToken));
                    break;
                default:
                    WriteEach(UserId, Services.Users.GetAsync);
                    break;
            }
        }
    }
}
