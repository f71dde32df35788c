using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Lists every dataset, or gets datasets by id.</summary>
    [Cmdlet(VerbsCommon.Get, "FSDataset", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Dataset))]
    public sealed class GetFSDatasetCommand : FinSpaceBulkCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] DatasetId { get; set; } = null!;

        /// <summary>The page size used while listing; every page is still read.</summary>
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
                WriteStream(null, Services.Datasets.List(MaxResults, Cancellation, StartingToken));
                return;
            }

            WriteEach(DatasetId, Services.Datasets.GetAsync);
        }
    }
}
