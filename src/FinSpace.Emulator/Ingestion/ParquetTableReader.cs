using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Emulator.Tables;
using Parquet;
using Parquet.Schema;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// Parquet files read with Parquet.Net: flat columns of any primitive type, every row group. Values
/// are kept as text (<see cref="CellText.Format"/>) and then checked against the dataset's types
/// like any other source, so an INTEGER column accepts int32 or int64 data that fits.
/// </summary>
internal static class ParquetTableReader
{
    public static async Task ReadAsync(byte[] content, TableBuilder.FileRows rows, string file, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(new MemoryStream(content, writable: false), new ParquetOptions { UseDateOnlyTypeForDates = true }, false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ParquetException or IOException or InvalidDataException or NotSupportedException)
        {
            throw IngestionException.Validation($"{file} is not a Parquet file: {e.Message}");
        }

        await using (reader.ConfigureAwait(false))
        {
            if (reader.Schema.Fields.Any(f => f.SchemaType != SchemaType.Data))
            {
                throw IngestionException.Validation($"{file} has nested columns (lists, maps or structs); only flat columns are supported.");
            }

            var fields = reader.Schema.GetDataFields();
            rows.Header(fields.Select(f => f.Name).ToArray());
            for (int group = 0; group < reader.RowGroupCount; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                var count = checked((int)rowGroup.RowCount);
                var columns = new string?[fields.Length][];
                for (int c = 0; c < fields.Length; c++)
                {
                    columns[c] = await ReadColumnAsync(rowGroup, fields[c], count, file, cancellationToken).ConfigureAwait(false);
                }

                var cells = new string?[fields.Length];
                for (int r = 0; r < count; r++)
                {
                    for (int c = 0; c < fields.Length; c++)
                    {
                        cells[c] = columns[c][r];
                    }

                    rows.Row(cells);
                }
            }
        }
    }

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader rowGroup, DataField field, int count, string file, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(ReadOnlyMemory<char>) || type == typeof(string))
        {
            var values = new string?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            return values;
        }

        if (type == typeof(ReadOnlyMemory<byte>) || type == typeof(byte[]))
        {
            var values = new byte[]?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            return values.Select(v => CellText.Format(v)).ToArray();
        }

        return type switch
        {
            _ when type == typeof(bool) => await ReadValuesAsync<bool>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await ReadValuesAsync<sbyte>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(byte) => await ReadValuesAsync<byte>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(short) => await ReadValuesAsync<short>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(ushort) => await ReadValuesAsync<ushort>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(int) => await ReadValuesAsync<int>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(uint) => await ReadValuesAsync<uint>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(long) => await ReadValuesAsync<long>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(ulong) => await ReadValuesAsync<ulong>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(float) => await ReadValuesAsync<float>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(double) => await ReadValuesAsync<double>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(decimal) => await ReadValuesAsync<decimal>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(TimeSpan) => await ReadValuesAsync<TimeSpan>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(TimeOnly) => await ReadValuesAsync<TimeOnly>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ when type == typeof(Guid) => await ReadValuesAsync<Guid>(rowGroup, field, count, ct).ConfigureAwait(false),
            _ => throw IngestionException.Validation($"{file}: column '{field.Name}' has Parquet type {type.Name}, which the emulator cannot read."),
        };
    }

    private static async Task<string?[]> ReadValuesAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await rowGroup.ReadAsync<T>(field, nullable.AsMemory(), null, ct).ConfigureAwait(false);
            return nullable.Select(v => CellText.Format(v)).ToArray();
        }

        var values = new T[count];
        await rowGroup.ReadAsync<T>(field, values.AsMemory(), null, ct).ConfigureAwait(false);
        return values.Select(v => CellText.Format(v)).ToArray();
    }
}
