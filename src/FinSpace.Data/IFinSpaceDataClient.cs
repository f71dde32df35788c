using System;

namespace FinSpace.Data
{
    /// <summary>The FinSpace Data API: one method per operation (generated) and the paginators.</summary>
    public partial interface IFinSpaceDataClient : IDisposable
    {
        /// <summary>Streams of every item of each list operation, following nextToken.</summary>
        FinSpaceDataPaginators Paginators { get; }
    }
}
