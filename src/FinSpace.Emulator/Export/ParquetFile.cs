using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Emulator.Ingestion;
using FinSpace.Emulator.Tables;
using Parquet;
using Parquet.Schema;

namespace FinSpace.Emulator.Export;

/// <summary>
/// Writes rows as one Parquet row group with Parquet.Net, every column nullable and typed from the
/// schema: STRING and CHAR as strings, INTEGER int32, TINYINT int8, SMALLINT int16, BIGINT int64,
/// FLOAT, DOUBLE, DATE as a date, DATETIME as a timestamp (microseconds, UTC), BOOLEAN, BINARY bytes.
/// </summary>
internal static class ParquetFile
{
    public static async Task<byte[]> WriteAsync(IReadOnlyList<(string Name, string Type)> columns, IReadOnlyList<string?[]> rows, CompressionMethod compression, CancellationToken cancellationToken)
    {
        var fields = columns.Select(c => Field(c.Name, c.Type)).ToArray();
        using var output = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, new ParquetOptions { CompressionMethod = compression }, false, cancellationToken).ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < columns.Count; c++)
            {
                await WriteColumnAsync(group, fields[c], columns[c], rows, c, cancellationToken).ConfigureAwait(false);
            }
        }

        return output.ToArray();
    }

    private static DataField Field(string name, string type) => type switch
    {
        "INTEGER" => new DataField<int?>(name),
        "TINYINT" => new DataField<sbyte?>(name),
        "SMALLINT" => new DataField<short?>(name),
        "BIGINT" => new DataField<long?>(name),
        "FLOAT" => new DataField<float?>(name),
        "DOUBLE" => new DataField<double?>(name),
        "DATE" => new DataField<DateOnly?>(name),
        "DATETIME" => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
        "BOOLEAN" => new DataField<bool?>(name),
        "BINARY" => new DataField<byte[]>(name, true),
        _ => new DataField<string>(name, true),
    };

    private static Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, (string Name, string Type) column, IReadOnlyList<string?[]> rows, int index, CancellationToken ct)
    {
        T? Typed<T>(string?[] row, int r)
        {
            var text = row[index];
            var value = CellText.Parse(text, column.Type);
            if (value is null && !string.IsNullOrEmpty(text))
            {
                throw IngestionException.Validation($"Row {r + 1} of the view: column '{column.Name}' holds '{text}', which is not a valid {column.Type} (was the schema changed after ingestion?).");
            }

            return (T?)value;
        }

        return column.Type switch
        {
            "INTEGER" => group.WriteAsync<int>(field, rows.Select((row, r) => (int?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "TINYINT" => group.WriteAsync<sbyte>(field, rows.Select((row, r) => (sbyte?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "SMALLINT" => group.WriteAsync<short>(field, rows.Select((row, r) => (short?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "BIGINT" => group.WriteAsync<long>(field, rows.Select((row, r) => (long?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "FLOAT" => group.WriteAsync<float>(field, rows.Select((row, r) => (float?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "DOUBLE" => group.WriteAsync<double>(field, rows.Select((row, r) => (double?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "DATE" => group.WriteAsync<DateOnly>(field, rows.Select((row, r) => (DateOnly?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "DATETIME" => group.WriteAsync<DateTime>(field, rows.Select((row, r) => (DateTime?)Typed<object>(row, r) is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null).ToArray(), null, null, ct),
            "BOOLEAN" => group.WriteAsync<bool>(field, rows.Select((row, r) => (bool?)Typed<object>(row, r)).ToArray(), null, null, ct),
            "BINARY" => group.WriteAsync(field, rows.Select((row, r) => (byte[]?)Typed<object>(row, r)).ToArray()!, null),
            _ => group.WriteAsync(field, rows.Select(row => row[index]).ToArray()!, null),
        };
    }
}
