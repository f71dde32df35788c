using System;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;

namespace FinSpace.Data
{
    // PLACEHOLDER: the AWSSDK.Core pipeline client replaces this file.
    public partial class FinSpaceDataClient : IFinSpaceDataClient
    {
        public FinSpaceDataClient()
        {
            Paginators = new FinSpaceDataPaginators(this);
        }

        public FinSpaceDataPaginators Paginators { get; }

        private Task<TResponse> ExecuteAsync<TRequest, TResponse>(OperationMetadata operation, TRequest request, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class
            => throw new NotImplementedException(operation.Name);
    }
}
