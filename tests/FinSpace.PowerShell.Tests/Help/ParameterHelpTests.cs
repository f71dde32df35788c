using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>
/// The PARAMETERS and SYNTAX sections against the built cmdlets, the way PSReadLine's build checks
/// its help: adding, renaming or re-attributing a parameter without updating its page fails here.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ParameterHelpTests(CmdletCatalog catalog, HelpDocs docs) : IClassFixture<HelpDocs>
{
    [Fact]
    public void DocumentedParametersAreExactlyTheRealOnes() =>
        AssertNoProblems(HelpConformance.ParameterNames);

    [Fact]
    public void ParameterTypesAliasesAndAcceptedValuesMatch() =>
        AssertNoProblems(HelpConformance.ParameterDetails);

    [Fact]
    public void RequiredPositionAndPipelineInputMatchInEveryParameterSet() =>
        AssertNoProblems(HelpConformance.ParameterSets);

    [Fact]
    public void EachSyntaxBlockIsARealParameterSet() =>
        AssertNoProblems(HelpConformance.Syntax);

    [Fact]
    public void WhatIfAndConfirmAreDocumentedExactlyWhenTheCmdletSupportsShouldProcess()
    {
        foreach (var cmdlet in catalog.Cmdlets)
        {
            var page = Page(cmdlet);
            Assert.True(cmdlet.SupportsShouldProcess == (page.Parameter("WhatIf") is not null), $"{cmdlet.Name}: -WhatIf");
            Assert.True(cmdlet.SupportsShouldProcess == (page.Parameter("Confirm") is not null), $"{cmdlet.Name}: -Confirm");
        }

        Assert.Contains(catalog.Cmdlets, c => c.SupportsShouldProcess);
        Assert.Contains(catalog.Cmdlets, c => !c.SupportsShouldProcess);
    }

    [Fact]
    public void ConnectionParametersAreDocumentedOnEveryCmdletThatHasThem()
    {
        var connection = new[] { "ProfileName", "ProfileLocation", "Region", "AccessKey", "SecretKey", "SessionToken", "Credential", "EndpointUrl" };
        var withConnection = catalog.Cmdlets.Where(c => c.Parameter("EndpointUrl") is not null).ToList();
        Assert.NotEmpty(withConnection);
        Assert.All(withConnection, cmdlet => Assert.All(connection, name => Assert.NotNull(Page(cmdlet).Parameter(name))));
    }

    private CommandHelp Page(CmdletInfo cmdlet) =>
        docs.Page(cmdlet.Name) ?? throw new Xunit.Sdk.XunitException($"{cmdlet.Name} has no page in docs/help");

    private void AssertNoProblems(Func<CmdletInfo, CommandHelp, IEnumerable<string>> check)
    {
        // Checked against every cmdlet at once, so one run lists every page that needs fixing.
        var checkedCmdlets = catalog.Cmdlets.Where(c => docs.Page(c.Name) is not null).ToList();
        Assert.Equal(catalog.Cmdlets.Count, checkedCmdlets.Count);
        var problems = checkedCmdlets.SelectMany(c => check(c, docs.Page(c.Name)!)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
