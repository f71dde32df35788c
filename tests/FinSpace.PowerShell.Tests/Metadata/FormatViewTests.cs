using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>FinSpace.Format.ps1xml: a table view for every type a cmdlet emits, naming real properties, and no secrets.</summary>
[Collection(CatalogCollection.Name)]
public sealed class FormatViewTests(CmdletCatalog catalog)
{
    private static readonly XDocument Views = XDocument.Load(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.Format.ps1xml"));

    private static readonly string[] Secrets = { "SecretAccessKey", "SessionToken", "TemporaryPassword" };

    [Fact]
    public void EveryOutputTypeHasATableView()
    {
        var tables = ViewsOf("TableControl");
        // Our own types only: System.IO.FileInfo (Save-FSDataView -PassThru) has PowerShell's own views.
        var outputTypes = catalog.Cmdlets.SelectMany(c => c.OutputTypes).Where(t => t.StartsWith("FinSpace.Management.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(outputTypes);
        Assert.All(outputTypes, t => Assert.Contains(t, tables));
    }

    [Fact]
    public void TablesPutTheIdFirst()
    {
        foreach (var (type, id) in new[] { ("Dataset", "DatasetId"), ("Changeset", "ChangesetId"), ("DataView", "DataViewId"), ("PermissionGroup", "PermissionGroupId"), ("User", "UserId") })
        {
            var view = View("FinSpace.Management." + type, "TableControl");
            Assert.Equal(id, view.Descendants("TableColumnItem").First().Element("PropertyName")?.Value);
            Assert.InRange(view.Descendants("TableColumnItem").Count(), 4, 6);
        }
    }

    [Fact]
    public void ResourcesHaveListViewsForDetails()
    {
        var lists = ViewsOf("ListControl");
        Assert.All(new[] { "Dataset", "Changeset", "DataView", "PermissionGroup", "User" }, t => Assert.Contains("FinSpace.Management." + t, lists));
    }

    [Fact]
    public void EveryPropertyAViewNamesExistsOnItsType()
    {
        foreach (var view in Views.Descendants("View"))
        {
            var typeName = view.Descendants("TypeName").Single().Value;
            var type = catalog.ObjectsAssembly.GetType(typeName, throwOnError: true)!;
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(type.GetProperty(property) is not null, $"{typeName} has no property {property} named by view {view.Element("Name")?.Value}.");
            }
        }
    }

    [Fact]
    public void NoViewShowsASecret()
    {
        var shown = Views.Descendants("PropertyName").Select(p => p.Value)
            .Concat(Views.Descendants("ScriptBlock").Select(s => s.Value));
        Assert.All(shown, text => Assert.DoesNotContain(Secrets, secret => text.Contains(secret, StringComparison.Ordinal)));
    }

    private static string[] ViewsOf(string control) =>
        Views.Descendants("View").Where(v => v.Element(control) is not null).Select(v => v.Descendants("TypeName").Single().Value).ToArray();

    private static XElement View(string typeName, string control) =>
        Views.Descendants("View").Single(v => v.Element(control) is not null && v.Descendants("TypeName").Single().Value == typeName);
}
