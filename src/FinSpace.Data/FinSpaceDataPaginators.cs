namespace FinSpace.Data
{
    /// <summary>
    /// One lazily evaluated stream per list operation: items are yielded as each page arrives, the
    /// next page is requested only when the caller asks for the item after the last of this page.
    /// </summary>
    public sealed partial class FinSpaceDataPaginators
    {
        private readonly IFinSpaceDataClient _client;

        public FinSpaceDataPaginators(IFinSpaceDataClient client)
        {
            _client = client;
        }
    }
}
