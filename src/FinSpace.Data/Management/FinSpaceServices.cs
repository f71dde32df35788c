using FinSpace.Data;
using FinSpace.Management.Transfer;

namespace FinSpace.Management
{
    /// <summary>Everything the cmdlets do, grouped by resource, over one client.</summary>
    public sealed class FinSpaceServices
    {
        /// <summary>Services whose transfers reach S3 with the SDK's default credentials in us-east-1 (tests that never transfer).</summary>
        public FinSpaceServices(IFinSpaceDataClient client)
            : this(client, new S3ObjectStoreFactory(null, Amazon.RegionEndpoint.USEast1))
        {
        }

        /// <param name="client">The FinSpace Data client.</param>
        /// <param name="stores">The S3 stores transfers use: signed like <paramref name="client"/>.</param>
        public FinSpaceServices(IFinSpaceDataClient client, IObjectStoreFactory stores)
        {
            Client = client;
            Datasets = new DatasetService(client);
            Changesets = new ChangesetService(client);
            DataViews = new DataViewService(client);
            PermissionGroups = new PermissionGroupService(client);
            Users = new UserService(client);
            Environment = new EnvironmentService(client);
            Transfers = new TransferService(Environment, Changesets, DataViews, stores);
        }

        public IFinSpaceDataClient Client { get; }
        public DatasetService Datasets { get; }
        public ChangesetService Changesets { get; }
        public DataViewService DataViews { get; }
        public PermissionGroupService PermissionGroups { get; }
        public UserService Users { get; }
        public EnvironmentService Environment { get; }

        /// <summary>Local files into a dataset (Import-FSChangeset) and a dataview onto the disk (Save-FSDataView).</summary>
        public TransferService Transfers { get; }
    }
}
