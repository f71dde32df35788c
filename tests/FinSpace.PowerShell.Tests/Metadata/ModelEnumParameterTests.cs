using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Metadata;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>Every option-valued parameter offers exactly the values the service model allows.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ModelEnumParameterTests(CmdletCatalog catalog)
{
    /// <summary>Parameters whose values are a model enum (shape name) or a documented closed set.</summary>
    public static TheoryData<string, string, string> EnumParameters => new()
    {
        { "New-FSDataset", "Kind", "DatasetKind" },
        { "Set-FSDataset", "Kind", "DatasetKind" },
        { "New-FSChangeset", "ChangeType", "ChangeType" },
        { "New-FSDataView", "ExportFileFormat", "ExportFileFormat" },
        { "New-FSPermissionGroup", "ApplicationPermission", "ApplicationPermission" },
        { "Set-FSPermissionGroup", "ApplicationPermission", "ApplicationPermission" },
        { "New-FSUser", "Type", "UserType" },
        { "Set-FSUser", "Type", "UserType" },
        { "New-FSUser", "ApiAccess", "ApiAccess" },
        { "Set-FSUser", "ApiAccess", "ApiAccess" },
        { "Get-FSWorkingLocation", "LocationType", "locationType" },
    };

    [Theory]
    [MemberData(nameof(EnumParameters))]
    public void ValidateSetEqualsTheModelEnum(string cmdlet, string parameter, string shape)
    {
        var values = catalog[cmdlet].Parameter(parameter)?.ValidateSet;
        Assert.NotNull(values);
        var model = ShapeNamed(shape).EnumValues!;
        Assert.Equal(model.OrderBy(v => v, StringComparer.Ordinal), values!.OrderBy(v => v, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryParameterNamedLikeAnEnumMemberOfARequestHasAValidateSet()
    {
        // A sweep so a new cmdlet cannot forget one: request members whose shape is an enum, by name.
        var enumMembers = ServiceModel.Operations
            .SelectMany(o => o.Input.Members)
            .Where(m => m.Shape.EnumValues is not null || m.Shape.Element?.EnumValues is not null)
            .Select(m => m.PropertyName)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(enumMembers);
        foreach (var cmdlet in catalog.Cmdlets)
        {
            foreach (var parameter in cmdlet.Parameters.Where(p => enumMembers.Contains(p.Name) || enumMembers.Contains(p.Name + "s")))
            {
                Assert.True(parameter.ValidateSet is { Count: > 0 }, $"{cmdlet.Name} -{parameter.Name} takes a model enum but has no ValidateSet.");
            }
        }
    }

    [Fact]
    public void DocumentedClosedSetsAreOffered()
    {
        // Values the model documents in prose (string shapes), not as enums.
        Assert.Equal(new[] { "GLUE_TABLE", "S3" }, catalog["New-FSDataView"].Parameter("DestinationType")!.ValidateSet);
        Assert.Equal(new[] { "CSV", "JSON", "PARQUET", "XML" }, catalog["New-FSChangeset"].Parameter("FormatType")!.ValidateSet);
        Assert.Equal(catalog["New-FSChangeset"].Parameter("FormatType")!.ValidateSet, catalog["Set-FSChangeset"].Parameter("FormatType")!.ValidateSet);
        Assert.Equal(FinSpace.Management.DatasetDefinition.KnownDatasetPermissions, catalog["New-FSDataset"].Parameter("DatasetPermission")!.ValidateSet);
    }

    private static Shape ShapeNamed(string name) =>
        ServiceModel.Operations.SelectMany(o => Walk(o.Input)).First(s => s.Name == name);

    private static IEnumerable<Shape> Walk(Shape shape)
    {
        yield return shape;
        foreach (var child in shape.Members.Select(m => m.Shape).Append(shape.Element).Append(shape.Key).Append(shape.Value).OfType<Shape>())
        {
            foreach (var nested in Walk(child))
            {
                yield return nested;
            }
        }
    }
}
