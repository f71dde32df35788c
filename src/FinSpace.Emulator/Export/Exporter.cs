using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Emulator.Ingestion;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.Storage;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Export;

/// <summary>What an export needs, copied from the state under its lock so the work runs without it.</summary>
internal sealed record ExportRequest(
    string DatasetKind,
    TableSchema? Schema,
    IReadOnlyList<DataViewComposer.Part> Parts,
    ExportOptions Options,
    IReadOnlyList<string> SortColumns,
    IReadOnlyList<string> PartitionColumns,
    string Bucket,
    string Prefix);

/// <summary>
/// Writes a dataview's rows under its prefix: one file per partition folder, named
/// <c>part-00000.csv</c> (<c>.csv.gz</c> gzipped) or <c>part-00000.parquet</c>, inside Hive-style
/// <c>column=value/</c> folders when partitioned (partition columns are then left out of the files),
/// and a zero-byte <c>_SUCCESS</c> last. Rows are in ingestion order (changesets as composed, files
/// in key order, rows in file order) unless sortColumns are given, then sorted by them (typed,
/// ascending, nulls first, ties keep ingestion order). A dataset without a schema gets its files
/// copied to <c>&lt;changesetId&gt;/&lt;path in its source folder&gt;</c>.
/// </summary>
internal static class Exporter
{
    public const string SuccessMarker = "_SUCCESS";

    /// <summary>Adds each key to <paramref name="written"/> before writing it, so a failure can remove what was written.</summary>
    public static async Task WriteAsync(ObjectStore objects, IDataStore data, ExportRequest request, List<string> written, CancellationToken cancellationToken)
    {
        async Task Put(string relative, byte[] content)
        {
            var key = request.Prefix + relative;
            written.Add(key);
            await objects.PutAsync(request.Bucket, key, content, cancellationToken).ConfigureAwait(false);
        }

        var loaded = request.Parts.Select(p => (p, Data: data.Load(p.ChangesetId))).ToList();
        if (request.DatasetKind == DatasetKind.NonTabular.Value)
        {
            foreach (var (part, stored) in Fold(loaded, d => d.Files))
            {
                await Put($"{part}/{stored.RelativePath}", stored.Content).ConfigureAwait(false);
            }

            await Put(SuccessMarker, []).ConfigureAwait(false);
            return;
        }

        var schema = request.Schema ?? TableSchema.Inferred(loaded.Select(l => l.Data).FirstOrDefault(d => d is { Columns.Length: > 0 })?.Columns ?? []);
        var rows = Fold(loaded, d => Mapped(d, schema)).Select(r => r.Item).ToList();
        rows = Sort(rows, schema, request.SortColumns);

        var partitionAt = request.PartitionColumns.Select(c => Column(schema, c, "partition")).ToArray();
        var kept = Enumerable.Range(0, schema.Names.Length).Where(i => !partitionAt.Contains(i)).ToArray();
        var columns = kept.Select(i => schema.Columns[i]).ToList();
        var groups = partitionAt.Length == 0
            ? new List<(string Folder, List<string?[]> Rows)> { (string.Empty, rows) }
            : rows.GroupBy(r => string.Concat(partitionAt.Select(i => HivePartition.Folder(schema.Names[i], r[i]))), StringComparer.Ordinal)
                .Select(g => (g.Key, g.ToList()))
                .ToList();
        if (groups.Count == 0)
        {
            groups.Add((string.Empty, new List<string?[]>()));
        }

        foreach (var (folder, groupRows) in groups)
        {
            var cells = groupRows.Select(r => kept.Select(i => r[i]).ToArray()).ToList();
            if (request.Options.DelimitedText)
            {
                var name = request.Options.Gzip ? "part-00000.csv.gz" : "part-00000.csv";
                await Put(folder + name, DelimitedTextFile.Write(columns.Select(c => c.Name).ToList(), cells, request.Options)).ConfigureAwait(false);
            }
            else
            {
                await Put(folder + "part-00000.parquet", await ParquetFile.WriteAsync(columns, cells, request.Options.ParquetCompression, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        await Put(SuccessMarker, []).ConfigureAwait(false);
    }

    private static IEnumerable<(string Changeset, T Item)> Fold<T>(List<(DataViewComposer.Part Part, ChangesetData? Data)> loaded, Func<ChangesetData, IEnumerable<T>> items)
    {
        var result = new List<(string, T)>();
        foreach (var (part, data) in loaded)
        {
            if (part.Replaces)
            {
                result.Clear();
            }

            if (data is not null)
            {
                result.AddRange(items(data).Select(i => (part.ChangesetId, i)));
            }
        }

        return result;
    }

    /// <summary>The changeset's rows in the schema's current column order (names matched; a column it lacks is null).</summary>
    private static IEnumerable<string?[]> Mapped(ChangesetData data, TableSchema schema)
    {
        var from = schema.Names.Select(n => Array.FindIndex(data.Columns, c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (from.SequenceEqual(Enumerable.Range(0, data.Columns.Length)) && from.Length == data.Columns.Length)
        {
            return data.Rows;
        }

        return data.Rows.Select(r => from.Select(i => i < 0 ? null : r[i]).ToArray());
    }

    private static List<string?[]> Sort(List<string?[]> rows, TableSchema schema, IReadOnlyList<string> sortColumns)
    {
        if (sortColumns.Count == 0)
        {
            return rows;
        }

        IOrderedEnumerable<string?[]>? ordered = null;
        foreach (var name in sortColumns)
        {
            var at = Column(schema, name, "sort");
            var type = schema.Columns[at].Type;
            Func<string?[], object?> key = r => CellText.Parse(r[at], type) is var v && v is byte[] ? r[at] : v;
            ordered = ordered is null ? rows.OrderBy(key, NullsFirst.Instance) : ordered.ThenBy(key, NullsFirst.Instance);
        }

        return ordered!.ToList();
    }

    private static int Column(TableSchema schema, string name, string role)
    {
        var at = schema.IndexOf(name);
        return at >= 0 ? at : throw IngestionException.Validation($"The {role} column '{name}' is not in the dataset's schema ({string.Join(", ", schema.Names)}).");
    }

    private sealed class NullsFirst : IComparer<object?>
    {
        public static readonly NullsFirst Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }
}
