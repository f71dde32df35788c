namespace FinSpace.PowerShell.Tests.Metadata;

[Collection(CatalogCollection.Name)]
public sealed class CatalogSmokeTests(CmdletCatalog catalog)
{
    [Fact]
    public void ReadsParameterSetsAndPipelineBindingFromTheBuiltAssembly()
    {
        var get = catalog["Get-FSDataset"];
        var id = get.Parameter("DatasetId")!;
        var byId = Assert.Single(id.Sets);
        Assert.Equal("ById", byId.SetName);
        Assert.True(byId.Mandatory);
        Assert.True(byId.ValueFromPipelineByPropertyName);
        Assert.Equal(0, byId.Position);
        Assert.Equal("System.String[]", id.TypeName);
        Assert.Equal("List", get.DefaultParameterSetName);
        Assert.Contains("FinSpace.Management.Dataset", get.OutputTypes);
        Assert.Contains("PageSize", get.Parameter("MaxResults")!.Aliases);
        Assert.Equal("High", catalog["Remove-FSDataset"].ConfirmImpact);
        Assert.Equal(new[] { "REPLACE", "APPEND", "MODIFY" }, catalog["New-FSChangeset"].Parameter("ChangeType")!.ValidateSet);
        Assert.Equal("FinSpace.PowerShell.Completion.DatasetIdCompleter", id.CompleterTypeName);
    }
}
