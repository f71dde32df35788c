using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinSpace.Data.Serialization
{
    /// <summary>
    /// The service types timestamps as epoch milliseconds (<c>TimestampEpoch</c>, a long); the
    /// client exposes them as <see cref="DateTimeOffset"/> in UTC.
    /// </summary>
    public sealed class EpochMillisecondsJsonConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"Expected epoch milliseconds as a number, found {reader.TokenType}.");
            }

            long milliseconds = reader.TryGetInt64(out var whole) ? whole : (long)Math.Round(reader.GetDouble());
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
    }
}
