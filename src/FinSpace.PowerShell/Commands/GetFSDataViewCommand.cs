using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Lists a dataset's dataviews, or gets dataviews by id.</summary>
    [Cmdlet(VerbsCommon.Get, "FSDataView", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(DataView))]
    public sealed class GetFSDataViewCommand : FinSpaceBulkCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = null!;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DataViewIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] DataViewId { get; set; } = null!;

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
                WriteStream(DatasetId, Services.DataViews.List(DatasetId, MaxResults, Cancellation, StartingToken));
                return;
            }

            WriteEach(DataViewId, (id, ct) => Services.DataViews.GetAsync(DatasetId, id, ct));
        }
    }
}
