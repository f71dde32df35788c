using System;
using System.Linq;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>
/// The conformance check itself: a signature changed under a correct page must be reported, or the
/// help tests could pass while the help is wrong.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class HelpConformanceTests(CmdletCatalog catalog, HelpDocs docs) : IClassFixture<HelpDocs>
{
    private CmdletInfo GetDataset => catalog["Get-FSDataset"];

    [Fact]
    public void TheRealPageOfGetFSDatasetConforms() =>
        Assert.Empty(HelpConformance.All(GetDataset, docs.Page("Get-FSDataset")!));

    [Fact]
    public void AnUndocumentedParameterIsReported()
    {
        var added = new CmdletParameter("Filter", "System.String", Array.Empty<string>(),
            new[] { new ParameterSetMembership("List", false, null, false, false) }, null, false, null, Array.Empty<string>(), "GetFSDatasetCommand");
        var changed = GetDataset with { Parameters = GetDataset.Parameters.Append(added).ToList() };

        var problems = HelpConformance.All(changed, docs.Page("Get-FSDataset")!);

        Assert.Contains("Get-FSDataset: -Filter is not documented under PARAMETERS", problems);
        Assert.Contains(problems, p => p.StartsWith("Get-FSDataset (List): the usage line lacks [-Filter <String>]", StringComparison.Ordinal));
    }

    [Fact]
    public void AMovedPositionAndALostPipelineBindingAreReported()
    {
        var datasetId = GetDataset.Parameter("DatasetId")!;
        var moved = datasetId with { Sets = new[] { new ParameterSetMembership("ById", true, 1, false, true) } };
        var changed = GetDataset with { Parameters = GetDataset.Parameters.Select(p => p.Name == "DatasetId" ? moved : p).ToList() };

        var problems = HelpConformance.ParameterSets(changed, docs.Page("Get-FSDataset")!).ToList();

        Assert.Contains("Get-FSDataset -DatasetId (ById): Position is 0, the parameter's is 1", problems);
        Assert.Contains("Get-FSDataset -DatasetId (ById): Accept pipeline input is 'True (ByPropertyName, ByValue)', the parameter's is 'True (ByPropertyName)'", problems);
    }

    [Fact]
    public void SupportingShouldProcessWithoutDocumentingWhatIfAndConfirmIsReported()
    {
        var changed = GetDataset with { SupportsShouldProcess = true };

        var problems = HelpConformance.ParameterNames(changed, docs.Page("Get-FSDataset")!).ToList();

        Assert.Contains("Get-FSDataset: -WhatIf is not documented under PARAMETERS", problems);
        Assert.Contains("Get-FSDataset: -Confirm is not documented under PARAMETERS", problems);
    }

    [Fact]
    public void AChangedTypeAliasAndValidateSetAreReported()
    {
        var maxResults = GetDataset.Parameter("MaxResults")! with
        {
            TypeName = "System.Int64",
            Aliases = new[] { "First" },
            ValidateSet = new[] { "10", "100" },
        };
        var changed = GetDataset with { Parameters = GetDataset.Parameters.Select(p => p.Name == "MaxResults" ? maxResults : p).ToList() };

        var problems = HelpConformance.ParameterDetails(changed, docs.Page("Get-FSDataset")!).ToList();

        Assert.Contains("Get-FSDataset -MaxResults: Type is Int32, the parameter is Int64", problems);
        Assert.Contains("Get-FSDataset -MaxResults: Aliases are 'PageSize', the parameter's are 'First'", problems);
        Assert.Contains("Get-FSDataset -MaxResults: Accepted values are '', the ValidateSet is '10, 100'", problems);
    }

    [Fact]
    public void ARenamedParameterSetIsReported()
    {
        var renamed = GetDataset with
        {
            DefaultParameterSetName = "All",
            Parameters = GetDataset.Parameters
                .Select(p => p with { Sets = p.Sets.Select(s => s.SetName == "List" ? s with { SetName = "All" } : s).ToList() })
                .ToList(),
        };

        var problems = HelpConformance.All(renamed, docs.Page("Get-FSDataset")!);

        Assert.Contains("Get-FSDataset: SYNTAX has the sets 'List, ById', the cmdlet has 'All, ById'", problems);
        Assert.Contains("Get-FSDataset -MaxResults: Parameter Sets are 'List', the parameter is in 'All'", problems);
    }

    [Theory]
    [InlineData("System.Nullable`1[[System.Int32, System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]", "Int32")]
    [InlineData("System.String[]", "String[]")]
    [InlineData("FinSpace.Management.Dataset[]", "Dataset[]")]
    [InlineData("System.Management.Automation.SwitchParameter", "SwitchParameter")]
    [InlineData("System.Collections.IDictionary", "IDictionary")]
    public void TypeNamesAreShownAsGetHelpShowsThem(string clrName, string shown) =>
        Assert.Equal(shown, ExpectedHelp.TypeName(clrName));
}
