using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Model;

namespace FinSpace.Management
{
    /// <summary>
    /// Builds a dataset schema from what a PowerShell user naturally types:
    /// an (ordered) dictionary of column name → data type, a list of column objects or dictionaries
    /// with Name/ColumnName, DataType/Type and Description, or an existing <see cref="DatasetSchema"/>.
    /// Errors name the parameter and the rule and are raised before any request is sent.
    /// </summary>
    public static class SchemaBuilder
    {
        private static readonly string[] NameKeys = { "Name", "ColumnName" };
        private static readonly string[] TypeKeys = { "DataType", "Type", "ColumnType" };
        private static readonly string[] DescriptionKeys = { "Description", "ColumnDescription" };
        private static readonly string[] PropertyKeys = NameKeys.Concat(TypeKeys).Concat(DescriptionKeys).ToArray();

        /// <summary>
        /// The schema of -Schema and -PrimaryKey, or null when neither was given; fails naming
        /// -PrimaryKey when it comes without -Schema (the key columns must be columns of the schema).
        /// </summary>
        public static DatasetSchema? FromParameters(object? schema, IEnumerable<string>? primaryKey)
        {
            if (schema is null)
            {
                return primaryKey is null
                    ? null
                    : throw new ArgumentException("-PrimaryKey needs -Schema: the key columns must be columns of the schema.", "PrimaryKey");
            }

            return Build(schema, primaryKey);
        }

        /// <param name="schema">The schema value; PowerShell objects must already be unwrapped to dictionaries or CLR objects.</param>
        /// <param name="primaryKey">Column names forming the primary key; each must be a column.</param>
        /// <param name="parameterName">The parameter to name in errors, e.g. "Schema".</param>
        public static DatasetSchema Build(object schema, IEnumerable<string>? primaryKey, string parameterName = "Schema")
        {
            var result = schema switch
            {
                DatasetSchema existing => Copy(existing),
                IDictionary map when IsColumn(map) => new DatasetSchema { Columns = { Column(map, parameterName) } },
                IDictionary map => FromMap(map, parameterName),
                IEnumerable items when schema is not string => FromItems(items, parameterName),
                _ => new DatasetSchema { Columns = { Column(schema, parameterName) } },
            };

            if (result.Columns.Count == 0)
            {
                throw new ArgumentException($"-{parameterName} must define at least one column.", parameterName);
            }

            var duplicate = result.Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ArgumentException($"-{parameterName} defines the column '{duplicate.Key}' more than once.", parameterName);
            }

            if (primaryKey is not null)
            {
                var keys = primaryKey.ToList();
                var unknown = keys.FirstOrDefault(k => !result.Columns.Any(c => string.Equals(c.Name, k, StringComparison.OrdinalIgnoreCase)));
                if (unknown is not null)
                {
                    throw new ArgumentException($"-PrimaryKey names '{unknown}', which is not a column of -{parameterName}.", "PrimaryKey");
                }

                result.PrimaryKeyColumns = new StringList(keys);
            }

            return result;
        }

        private static DatasetSchema Copy(DatasetSchema existing) => new DatasetSchema
        {
            Columns = existing.Columns.Select(c => new DatasetColumn(c.Name, c.DataType, c.Description)).ToList(),
            PrimaryKeyColumns = new StringList(existing.PrimaryKeyColumns),
        };

        private static DatasetSchema FromMap(IDictionary map, string parameterName)
        {
            var schema = new DatasetSchema();
            foreach (DictionaryEntry entry in map)
            {
                var name = entry.Key?.ToString() ?? string.Empty;
                schema.Columns.Add(new DatasetColumn(CheckName(name, parameterName), CheckType(entry.Value?.ToString(), name, parameterName)));
            }

            return schema;
        }

        private static DatasetSchema FromItems(IEnumerable items, string parameterName)
        {
            var schema = new DatasetSchema();
            foreach (var item in items)
            {
                schema.Columns.Add(Column(item, parameterName));
            }

            return schema;
        }

        private static DatasetColumn Column(object? item, string parameterName)
        {
            switch (item)
            {
                case DatasetColumn column:
                    return new DatasetColumn(CheckName(column.Name, parameterName), CheckType(column.DataType, column.Name, parameterName), column.Description);
                case IDictionary map:
                    var name = Lookup(map, NameKeys) ?? string.Empty;
                    return new DatasetColumn(CheckName(name, parameterName), CheckType(Lookup(map, TypeKeys), name, parameterName), Lookup(map, DescriptionKeys));
                default:
                    throw new ArgumentException(
                        $"-{parameterName} takes a dictionary of column name to data type, or column objects with Name and DataType; '{item}' is neither.",
                        parameterName);
            }
        }

        /// <summary>
        /// One column described by its properties (@{ Name = 'id'; DataType = 'BIGINT' }) rather than
        /// a map of columns: only property keys, a type that is a data type, and a name that is not
        /// (so @{ name = 'STRING'; type = 'STRING' } stays two columns called name and type).
        /// </summary>
        private static bool IsColumn(IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
            {
                if (entry.Key is not string key || !PropertyKeys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }

            return Lookup(map, NameKeys) is { } name && !IsDataType(name) && IsDataType(Lookup(map, TypeKeys));
        }

        private static bool IsDataType(string? value) =>
            ColumnDataType.Values.Any(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase));

        private static string? Lookup(IDictionary map, string[] keys)
        {
            foreach (DictionaryEntry entry in map)
            {
                if (entry.Key is string key && keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    return entry.Value?.ToString();
                }
            }

            return null;
        }

        private static string CheckName(string name, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"-{parameterName} has a column with no name.", parameterName);
            }

            return name;
        }

        private static string CheckType(string? dataType, string column, string parameterName)
        {
            var known = ColumnDataType.Values.FirstOrDefault(v => string.Equals(v.Value, dataType, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw new ArgumentException(
                    $"-{parameterName}: column '{column}' has data type '{dataType}'; it must be one of {string.Join(", ", ColumnDataType.Values)}.",
                    parameterName);
            }

            return known.Value;
        }
    }
}
