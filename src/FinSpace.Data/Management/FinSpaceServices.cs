using FinSpace.Data;

namespace FinSpace.Management
{
    /// <summary>Everything the cmdlets do, grouped by resource, over one client.</summary>
    public sealed class FinSpaceServices
    {
        public FinSpaceServices(IFinSpaceDataClient client)
        {
            Client = client;
            Datasets = new DatasetService(client);
            Changesets = new ChangesetService(client);
            DataViews = new DataViewService(client);
            PermissionGroups = new PermissionGroupService(client);
            Users = new UserService(client);
            Environment = new EnvironmentService(client);
        }

        public IFinSpaceDataClient Client { get; }
        public DatasetService Datasets { get; }
        public ChangesetService Changesets { get; }
        public DataViewService DataViews { get; }
        public PermissionGroupService PermissionGroups { get; }
        public UserService Users { get; }
        public EnvironmentService Environment { get; }
    }
}
