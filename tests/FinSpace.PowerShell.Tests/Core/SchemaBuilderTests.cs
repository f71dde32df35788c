using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>-Schema accepts what PowerShell users type; bad input names the parameter and the rule.</summary>
public sealed class SchemaBuilderTests
{
    [Fact]
    public void AnOrderedMapKeepsColumnOrderAndNormalisesTypes()
    {
        var schema = SchemaBuilder.Build(new OrderedDictionary { ["ticker"] = "string", ["price"] = "Double", ["traded"] = "DATE" }, new[] { "ticker" });

        Assert.Equal(new[] { "ticker:STRING", "price:DOUBLE", "traded:DATE" }, schema.Columns.Select(c => c.ToString()));
        Assert.Equal(new[] { "ticker" }, schema.PrimaryKeyColumns);
        Assert.Equal("ticker:STRING, price:DOUBLE, traded:DATE (key: ticker)", schema.ToString());
    }

    [Fact]
    public void ColumnObjectsAndDictionariesWithDescriptionsAreAccepted()
    {
        var rows = new List<object>
        {
            new OrderedDictionary { ["Name"] = "id", ["DataType"] = "BIGINT", ["Description"] = "row id" },
            new Hashtable { ["ColumnName"] = "note", ["Type"] = "STRING" },
            new DatasetColumn("flag", "boolean"),
        };

        var schema = SchemaBuilder.Build(rows, null);

        Assert.Equal(new[] { "id:BIGINT", "note:STRING", "flag:BOOLEAN" }, schema.Columns.Select(c => c.ToString()));
        Assert.Equal("row id", schema.Columns[0].Description);
    }

    [Fact]
    public void ColumnsNamedNameAndTypeAreColumnsNotAColumnDefinition()
    {
        var schema = SchemaBuilder.Build(new OrderedDictionary { ["name"] = "STRING", ["type"] = "STRING", ["price"] = "DOUBLE" }, null);
        var twoColumns = SchemaBuilder.Build(new OrderedDictionary { ["name"] = "STRING", ["type"] = "INTEGER" }, null);

        Assert.Equal(new[] { "name:STRING", "type:STRING", "price:DOUBLE" }, schema.Columns.Select(c => c.ToString()));
        Assert.Equal(new[] { "name:STRING", "type:INTEGER" }, twoColumns.Columns.Select(c => c.ToString()));
    }

    [Fact]
    public void ASingleColumnMayBeGivenByItsProperties()
    {
        var schema = SchemaBuilder.Build(new Hashtable { ["Name"] = "id", ["DataType"] = "bigint", ["Description"] = "row id" }, new[] { "id" });

        Assert.Equal("id:BIGINT (key: id)", schema.ToString());
        Assert.Equal("row id", schema.Columns[0].Description);
    }

    [Fact]
    public void AnotherDatasetsSchemaIsCopiedNotShared()
    {
        var original = SchemaBuilder.Build(new OrderedDictionary { ["a"] = "INTEGER" }, new[] { "a" });

        var copy = SchemaBuilder.Build(original, null);
        copy.Columns[0].Name = "changed";

        Assert.Equal("a", original.Columns[0].Name);
        Assert.Equal(new[] { "a" }, copy.PrimaryKeyColumns);
    }

    [Theory]
    [InlineData("unknown type", "-Schema: column 'price' has data type 'MONEY'; it must be one of STRING, CHAR")]
    [InlineData("duplicate", "-Schema defines the column 'a' more than once.")]
    [InlineData("bad key", "-PrimaryKey names 'nope', which is not a column of -Schema.")]
    [InlineData("empty", "-Schema must define at least one column.")]
    [InlineData("not a column", "-Schema takes a dictionary of column name to data type")]
    public void BadInputNamesTheParameterAndTheRule(string @case, string message)
    {
        Action build = @case switch
        {
            "unknown type" => () => SchemaBuilder.Build(new OrderedDictionary { ["price"] = "MONEY" }, null),
            "duplicate" => () => SchemaBuilder.Build(new List<object> { new DatasetColumn("a", "STRING"), new DatasetColumn("A", "STRING") }, null),
            "bad key" => () => SchemaBuilder.Build(new OrderedDictionary { ["a"] = "STRING" }, new[] { "nope" }),
            "empty" => () => SchemaBuilder.Build(new OrderedDictionary(), null),
            _ => () => SchemaBuilder.Build(new List<object> { 42 }, null),
        };

        var error = Assert.Throws<ArgumentException>(build);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.ParamName, new[] { "Schema", "PrimaryKey" });
    }
}
