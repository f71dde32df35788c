using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// Collects one changeset's rows across its files, checking each against the dataset's schema: the
/// header names the schema's columns (no unknown, missing or repeated one), every value is of its
/// column's type, and primary key values are present. Rows are kept in schema order as cell text.
/// A tabular dataset without a schema takes its columns (all text) from the first file.
/// </summary>
internal sealed class TableBuilder
{
    private const int QuotedValueLimit = 60;

    private TableSchema? _schema;
    private List<string?[]> _rows = new();

    public TableBuilder(TableSchema? schema)
    {
        _schema = schema;
    }

    public ChangesetData Result() => new() { Columns = _schema?.Names ?? [], Rows = _rows };

    public FileRows File(string name) => new(this, name);

    /// <summary>The rows of one file, numbered from 1 (a header line is not a row).</summary>
    internal sealed class FileRows
    {
        private readonly TableBuilder _table;
        private readonly string _file;
        private int[]? _positions;
        private int _row;

        public FileRows(TableBuilder table, string file)
        {
            _table = table;
            _file = file;
        }

        private TableSchema Schema => _table._schema!;

        /// <summary>The file's column names in file order, or null when the file has none (then the schema's order applies).</summary>
        public void Header(IReadOnlyList<string>? names)
        {
            if (names is null)
            {
                _positions = Enumerable.Range(0, Schema?.Names.Length ?? throw IngestionException.Validation($"{_file}: the dataset has no schema, so its files need a header naming the columns.")).ToArray();
                return;
            }

            _table._schema ??= TableSchema.Inferred(names);
            var positions = new int[names.Count];
            var seen = new HashSet<int>();
            for (int i = 0; i < names.Count; i++)
            {
                var at = Schema.IndexOf(names[i]);
                if (at < 0)
                {
                    throw IngestionException.Validation($"{_file}: column '{names[i]}' is not in the dataset's schema ({string.Join(", ", Schema.Names)}).");
                }

                if (!seen.Add(at))
                {
                    throw IngestionException.Validation($"{_file}: column '{Schema.Names[at]}' appears more than once in the header.");
                }

                positions[i] = at;
            }

            var missing = Schema.Names.Where((_, i) => !seen.Contains(i)).ToList();
            if (missing.Count > 0)
            {
                throw IngestionException.Validation($"{_file}: the header lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} of the dataset's schema.");
            }

            _positions = positions;
        }

        /// <summary>One row of a positional format (CSV, Parquet), in header order.</summary>
        public void Row(IReadOnlyList<string?> cells)
        {
            _row++;
            if (cells.Count != _positions!.Length)
            {
                throw IngestionException.Validation($"{_file} row {_row}: {cells.Count} field(s), but {_positions.Length} column(s) are expected.");
            }

            var row = new string?[Schema.Names.Length];
            for (int i = 0; i < cells.Count; i++)
            {
                row[_positions[i]] = cells[i];
            }

            Add(row);
        }

        /// <summary>One record of a keyed format (JSON, XML): a missing column is null, an unknown one an error.</summary>
        public void Record(IEnumerable<KeyValuePair<string, string?>> values)
        {
            _row++;
            var pairs = values.ToList();
            _table._schema ??= TableSchema.Inferred(pairs.Select(p => p.Key));
            var row = new string?[Schema.Names.Length];
            var seen = new HashSet<int>();
            foreach (var (name, value) in pairs)
            {
                var at = Schema.IndexOf(name);
                if (at < 0)
                {
                    throw IngestionException.Validation($"{_file} row {_row}: column '{name}' is not in the dataset's schema ({string.Join(", ", Schema.Names)}).");
                }

                if (!seen.Add(at))
                {
                    throw IngestionException.Validation($"{_file} row {_row}: column '{Schema.Names[at]}' appears more than once.");
                }

                row[at] = value;
            }

            Add(row);
        }

        private void Add(string?[] row)
        {
            var schema = Schema;
            for (int c = 0; c < row.Length; c++)
            {
                var (name, type) = schema.Columns[c];
                if (!CellText.IsValid(row[c], type))
                {
                    throw IngestionException.Validation($"Type mismatch in {_file} at row {_row}, column '{name}': {Quote(row[c]!)} is not a valid {type}.");
                }
            }

            foreach (var key in schema.PrimaryKey)
            {
                var at = schema.IndexOf(key);
                if (at >= 0 && string.IsNullOrWhiteSpace(row[at]))
                {
                    throw IngestionException.Validation($"{_file} row {_row}: primary key column '{schema.Names[at]}' is empty.");
                }
            }

            _table._rows.Add(row);
        }

        private static string Quote(string value) =>
            value.Length <= QuotedValueLimit ? $"'{value}'" : string.Create(CultureInfo.InvariantCulture, $"'{value[..QuotedValueLimit]}…' ({value.Length} characters)");
    }
}
