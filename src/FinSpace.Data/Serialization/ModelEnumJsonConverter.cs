using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinSpace.Data.Model;

namespace FinSpace.Data.Serialization
{
    /// <summary>Reads and writes a <see cref="ModelEnum"/> as its JSON string value.</summary>
    public abstract class ModelEnumJsonConverter<T> : JsonConverter<T>
        where T : ModelEnum
    {
        protected abstract T Create(string value);

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
            }

            return Create(reader.GetString()!);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
