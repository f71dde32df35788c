using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Model;

namespace FinSpace.Emulator.Tables;

/// <summary>A dataset's columns (names, types) and primary key, as its schemaDefinition declares them.</summary>
internal sealed class TableSchema
{
    public TableSchema(IReadOnlyList<(string Name, string Type)> columns, IReadOnlyList<string> primaryKey)
    {
        Columns = columns;
        PrimaryKey = primaryKey;
        Names = columns.Select(c => c.Name).ToArray();
    }

    public IReadOnlyList<(string Name, string Type)> Columns { get; }

    public string[] Names { get; }

    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary>The column's position, matching names without regard to case as Glue and Athena do; -1 when absent.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The declared schema, or null when the dataset declares no columns.</summary>
    public static TableSchema? From(SchemaUnion? schema)
    {
        var definition = schema?.TabularSchemaConfig;
        if (definition?.Columns is not { Count: > 0 } columns)
        {
            return null;
        }

        // A column without a type is text: every value is valid text.
        return new TableSchema(
            columns.Select(c => (c.ColumnName ?? string.Empty, c.DataType?.Value ?? ColumnDataType.String.Value)).ToList(),
            definition.PrimaryKeyColumns ?? new List<string>());
    }

    /// <summary>A schema of text columns named by a file's header, for a tabular dataset that declares none.</summary>
    public static TableSchema Inferred(IEnumerable<string> names) =>
        new(names.Select(n => (n, ColumnDataType.String.Value)).ToList(), Array.Empty<string>());
}
