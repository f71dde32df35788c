using System;
using System.Collections.Generic;
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
    public void EveryColumnIsARealPropertyUnderItsOwnName()
    {
        // What a table or list shows must be what Where-Object, Select-Object and StrictMode find: a
        // column labelled Name over a script block was no property at all.
        var checkedColumns = 0;
        foreach (var view in Views.Descendants("View"))
        {
            var typeName = view.Descendants("TypeName").Single().Value;
            var type = catalog.ObjectsAssembly.GetType(typeName, throwOnError: true)!;
            var name = view.Element("Name")?.Value;
            foreach (var (label, property) in Columns(view))
            {
                Assert.True(label is not null || property is not null, $"{name}: a column names neither a property nor a label.");
                if (label is not null && property is not null)
                {
                    Assert.True(label == property, $"{name}: the column labelled {label} shows property {property}.");
                }

                var shown = label ?? property!;
                Assert.True(type.GetProperty(shown) is not null, $"{name}: column {shown} is not a property of {typeName}.");
                checkedColumns++;
            }
        }

        Assert.True(checkedColumns > 100, $"only {checkedColumns} columns were found");
    }

    [Fact]
    public void SecureStringTypesShowNoSecret()
    {
        var views = Views.Descendants("View").Where(v => !TypeOf(v).StartsWith("FinSpace.Management.PlainText", StringComparison.Ordinal)).ToList();
        var shown = views.SelectMany(v => v.Descendants("PropertyName").Select(p => p.Value).Concat(v.Descendants("ScriptBlock").Select(b => b.Value)));
        Assert.All(shown, text => Assert.DoesNotContain(Secrets, secret => text.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public void PlainTextTypesShowTheirSecretsInEveryView()
    {
        // -AsPlainText asked to see them: the default view (the first one defined) shows them whole.
        var plainTypes = catalog.Cmdlets.SelectMany(c => c.OutputTypes).Where(t => t.StartsWith("FinSpace.Management.PlainText", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(3, plainTypes.Count);
        foreach (var typeName in plainTypes)
        {
            var type = catalog.ObjectsAssembly.GetType(typeName, throwOnError: true)!;
            var secrets = Secrets.Where(s => type.GetProperty(s) is not null).ToList();
            Assert.NotEmpty(secrets);
            var views = Views.Descendants("View").Where(v => TypeOf(v) == typeName).ToList();
            Assert.NotEmpty(views);
            Assert.All(views, v => Assert.All(secrets, secret => Assert.Contains(secret, v.Descendants("PropertyName").Select(p => p.Value))));
        }
    }

    /// <summary>(label, property) of each column: a table's headers pair with its items in order; list items carry both.</summary>
    private static IEnumerable<(string? Label, string? Property)> Columns(XElement view)
    {
        if (view.Element("TableControl") is { } table)
        {
            var headers = table.Descendants("TableColumnHeader").ToList();
            var items = table.Descendants("TableColumnItem").ToList();
            Assert.Equal(headers.Count, items.Count);
            return headers.Zip(items, (h, i) => (h.Element("Label")?.Value, i.Element("PropertyName")?.Value));
        }

        return view.Descendants("ListItem").Select(i => (i.Element("Label")?.Value, i.Element("PropertyName")?.Value));
    }

    private static string TypeOf(XElement view) => view.Descendants("TypeName").Single().Value;

    private static string[] ViewsOf(string control) =>
        Views.Descendants("View").Where(v => v.Element(control) is not null).Select(v => v.Descendants("TypeName").Single().Value).ToArray();

    private static XElement View(string typeName, string control) =>
        Views.Descendants("View").Single(v => v.Element(control) is not null && v.Descendants("TypeName").Single().Value == typeName);
}
