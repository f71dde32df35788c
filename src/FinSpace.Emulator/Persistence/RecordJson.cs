using System;
using System.Text.Json;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Persistence;

/// <summary>How records are written into the database: one JSON document per record.</summary>
internal static class RecordJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(StoredRecord record) => JsonSerializer.Serialize(record, record.GetType(), Options);

    public static StoredRecord Deserialize(string json, Type type) =>
        (StoredRecord)(JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException("A stored record is null."));
}
