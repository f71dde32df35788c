using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

public sealed class DatasetPermissionTests
{
    [Fact]
    public async Task PermissionsTypedInAnyCaseAreSentInTheDocumentedSpelling()
    {
        var (client, recorder) = RecordingClient.Create();

        await new DatasetService(client).CreateAsync(new DatasetDefinition
        {
            Title = "t",
            PermissionGroupId = "group",
            DatasetPermissions = { "viewdatasetdetails", "CREATEDATAVIEW", "SomethingNew" },
        }, TestContext.Current.CancellationToken);

        var sent = Assert.IsType<CreateDatasetRequest>(Assert.Single(recorder.Requests));
        Assert.Equal(new[] { "ViewDatasetDetails", "CreateDataView", "SomethingNew" }, sent.PermissionGroupParams!.DatasetPermissions!.Select(p => p.Permission));
        Assert.Equal("group", sent.PermissionGroupParams.PermissionGroupId);
    }
}
