using System;
using System.IO;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>Every cmdlet has a complete page, every page a cmdlet, and the module page lists them all.</summary>
[Collection(CatalogCollection.Name)]
public sealed class HelpCoverageTests(CmdletCatalog catalog, HelpDocs docs) : IClassFixture<HelpDocs>
{
    [Fact]
    public void EveryCmdletHasAHelpPage()
    {
        var missing = catalog.Cmdlets.Select(c => c.Name).Where(name => docs.Page(name) is null).ToList();
        Assert.True(missing.Count == 0, "No page in docs/help for: " + string.Join(", ", missing));
        Assert.Equal(catalog.Cmdlets.Count, docs.Commands.Count);
    }

    [Fact]
    public void EveryHelpPageDescribesACmdletOfTheModule()
    {
        var real = catalog.Cmdlets.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var orphans = docs.Commands.Select(c => c.Name).Where(name => !real.Contains(name)).ToList();
        Assert.True(orphans.Count == 0, "Pages for cmdlets the module does not have: " + string.Join(", ", orphans));
    }

    [Fact]
    public void EveryPageHasASynopsisADescriptionAndAtLeastTwoExplainedExamples()
    {
        var problems = catalog.Cmdlets.Where(c => docs.Page(c.Name) is not null)
            .SelectMany(c => HelpConformance.Content(c, docs.Page(c.Name)!))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.All(docs.Commands, page => Assert.True(page.Examples.Count >= 2, page.Name));
    }

    [Fact]
    public void FrontMatterNamesTheModuleAndTheHelpFileAndNoOnlinePage()
    {
        var helpFile = Path.GetFileName(catalog.Assembly.Location) + "-Help.xml";
        Assert.All(docs.Commands, page =>
        {
            Assert.Equal(helpFile, page.FrontMatter[CommandHelp.ExternalHelpFileKey]);
            Assert.Equal("FinSpace", page.FrontMatter["Module Name"]);
            Assert.Equal("2.0.0", page.FrontMatter["schema"]);
            // The project has no public home: an address here would send Get-Help -Online to a page that does not exist.
            Assert.True(page.FrontMatter.ContainsKey(CommandHelp.OnlineVersionKey), page.Name);
            Assert.Null(page.OnlineVersion);
        });
    }

    [Fact]
    public void ModulePageListsEveryCmdletWithItsSynopsis()
    {
        var module = docs.Source.ModulePage;
        Assert.NotNull(module);
        Assert.Equal("FinSpace", module.ModuleName);
        Assert.Equal(catalog.Cmdlets.Select(c => c.Name), module.Cmdlets.Select(e => e.Name));
        Assert.All(module.Cmdlets, entry =>
        {
            Assert.Equal(entry.Name + ".md", entry.Link);
            Assert.Equal(docs.Page(entry.Name)?.Synopsis, entry.Description);
        });
    }

    [Fact]
    public void ModulePageCarriesTheManifestGuid()
    {
        var manifest = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "FinSpace.psd1"));
        var guid = System.Text.RegularExpressions.Regex.Match(manifest, @"GUID\s*=\s*'(?<guid>[0-9a-fA-F-]+)'").Groups["guid"].Value;
        Assert.NotEmpty(guid);
        Assert.Equal(guid, docs.Source.ModulePage?.ModuleGuid);
    }

    [Fact]
    public void AboutTopicCoversTheModuleConcepts()
    {
        var about = Assert.Single(docs.Source.AboutTopics, t => t.Name == "about_FinSpace");
        var titles = about.Sections.Select(s => s.Title).ToList();
        Assert.Equal("SHORT DESCRIPTION", titles[0]);
        foreach (var concept in new[] { "CONNECTING", "CONNECT-FSENVIRONMENT", "THE LOCAL EMULATOR", "LISTS STREAM", "ERRORS", "SECRETS", "WAITING FOR CHANGESETS AND DATAVIEWS", "TAB COMPLETION", "VERBOSE OUTPUT" })
        {
            Assert.Contains(concept, titles);
        }
    }
}
