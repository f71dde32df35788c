using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using FinSpace.HelpBuilder;
using FinSpace.HelpBuilder.Writing;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>The external help the build lays out in the module, as Get-Help will read it.</summary>
[Collection(CatalogCollection.Name)]
public sealed class MamlTests(CmdletCatalog catalog, HelpDocs docs) : IClassFixture<HelpDocs>
{
    private static readonly XNamespace Command = MamlWriter.CommandNamespace;
    private static readonly XNamespace Maml = MamlWriter.MamlNamespace;
    private static readonly XNamespace Dev = MamlWriter.DevNamespace;

    private static string BuiltHelpFolder => Path.Combine(TestPaths.ModuleDirectory, "en-US");

    [Fact]
    public void BuiltHelpIsWellFormedMamlWithEveryCmdletItsSynopsisAndParameters()
    {
        var path = Path.Combine(BuiltHelpFolder, Path.GetFileName(catalog.Assembly.Location) + "-Help.xml");
        Assert.True(File.Exists(path), $"The build did not write {path}.");
        var maml = XDocument.Load(path);

        Assert.Equal(XName.Get("helpItems", MamlWriter.MshNamespace), maml.Root!.Name);
        Assert.Equal("maml", maml.Root.Attribute("schema")?.Value);
        var commands = maml.Root.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.Equal(catalog.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), commands.Keys.OrderBy(n => n, StringComparer.Ordinal));

        foreach (var cmdlet in catalog.Cmdlets)
        {
            var command = commands[cmdlet.Name];
            var details = command.Element(Command + "details")!;
            Assert.Equal(cmdlet.Verb, details.Element(Command + "verb")?.Value);
            Assert.Equal(cmdlet.Noun, details.Element(Command + "noun")?.Value);
            Assert.Equal(docs.Page(cmdlet.Name)!.Synopsis, details.Element(Maml + "description")?.Element(Maml + "para")?.Value);

            var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value);
            Assert.Equal(ExpectedHelp.Parameters(cmdlet).Select(p => p.Name).OrderBy(n => n), parameters.OrderBy(n => n));

            var syntaxItems = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal(Math.Max(1, cmdlet.ParameterSets.Count), syntaxItems.Count);
            Assert.All(syntaxItems, item => Assert.Equal(cmdlet.Name, item.Element(Maml + "name")?.Value));

            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.True(examples.Count >= 2, cmdlet.Name);
            Assert.All(examples, e => Assert.Contains(cmdlet.Name, e.Element(Dev + "code")!.Value));
        }
    }

    [Fact]
    public void MamlSyntaxCarriesEachParameterAsItsSetHasIt()
    {
        var maml = XDocument.Load(Path.Combine(BuiltHelpFolder, "FinSpace.PowerShell.dll-Help.xml"));
        var remove = maml.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == "Remove-FSDataset");
        var byId = remove.Element(Command + "syntax")!.Elements(Command + "syntaxItem")
            .Single(item => item.Elements(Command + "parameter").Any(p => p.Element(Maml + "name")!.Value == "DatasetId"));
        var datasetId = byId.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "DatasetId");
        var real = catalog["Remove-FSDataset"].Parameter("DatasetId")!.Sets.Single();

        Assert.Equal(real.Mandatory ? "true" : "false", datasetId.Attribute("required")?.Value);
        Assert.Equal(real.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture), datasetId.Attribute("position")?.Value);
        Assert.Equal("True (ByPropertyName, ByValue)", datasetId.Attribute("pipelineInput")?.Value);
        Assert.Equal("String[]", datasetId.Element(Command + "parameterValue")?.Value);
        var force = byId.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");
        Assert.Null(force.Element(Command + "parameterValue"));
    }

    [Fact]
    public void BuiltHelpIsWhatTheBuilderMakesFromTheMarkdownNow()
    {
        var output = Directory.CreateTempSubdirectory("finspace-help-").FullName;
        try
        {
            var written = HelpBuild.Run(docs.Folder, output);

            Assert.Equal(new[] { "FinSpace.PowerShell.dll-Help.xml", "about_FinSpace.help.txt" }, written.Select(Path.GetFileName));
            foreach (var file in written)
            {
                var built = Path.Combine(BuiltHelpFolder, Path.GetFileName(file));
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(built)), $"{built} is not what docs/help gives now: rebuild.");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void BuilderOutputIsDeterministic()
    {
        var first = Directory.CreateTempSubdirectory("finspace-help-").FullName;
        var second = Directory.CreateTempSubdirectory("finspace-help-").FullName;
        try
        {
            var a = HelpBuild.Run(docs.Folder, first);
            var b = HelpBuild.Run(docs.Folder, second);

            Assert.Equal(a.Select(Path.GetFileName), b.Select(Path.GetFileName));
            Assert.All(a.Zip(b), pair => Assert.True(File.ReadAllBytes(pair.First).AsSpan().SequenceEqual(File.ReadAllBytes(pair.Second)), pair.First));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void AboutTopicIsBuiltAsGetHelpReadsIt()
    {
        var path = Path.Combine(BuiltHelpFolder, "about_FinSpace.help.txt");
        Assert.True(File.Exists(path), $"The build did not write {path}.");
        var lines = File.ReadAllLines(path);

        Assert.Equal(new[] { "TOPIC", "    about_FinSpace", "", "SHORT DESCRIPTION" }, lines.Take(4));
        // Get-Help takes an about topic's synopsis from the text under SHORT DESCRIPTION.
        Assert.StartsWith("    How the FinSpace module connects", lines[4]);
        Assert.Contains("LONG DESCRIPTION", lines);
        // A single word longer than the width (a web address) cannot be wrapped; anything else must be.
        var tooLong = lines.Where(l => l.Length > AboutTextWriter.Width && !l.StartsWith("        ", StringComparison.Ordinal) && l.Trim().Contains(' ')).ToList();
        Assert.True(tooLong.Count == 0, "Prose lines over 80 columns: " + string.Join(Environment.NewLine, tooLong));
    }
}
