using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Lists a dataset's changesets, or gets changesets by id. Get-FSDataset | Get-FSChangeset works.</summary>
    [Cmdlet(VerbsCommon.Get, "FSChangeset", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Changeset))]
    public sealed class GetFSChangesetCommand : FinSpaceBulkCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ChangesetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] ChangesetId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [Alias("PageSize")]
        [ValidateRange(1, 100)]
        public int? MaxResults { get; set; }

        /// <summary>Starts the listing at this page token: the NextToken of the ListingIncompleteException a failed listing reported.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("NextToken")]
        [ValidateNotNullOrEmpty]
        public string? StartingToken { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                WriteStream(DatasetId, Services.Changesets.List(DatasetId, MaxResults, Cancellation, StartingToken));
                return;
            }

            WriteEach(ChangesetId, (id, ct) => Services.Changesets.GetAsync(DatasetId, id, ct));
        }
    }
}
