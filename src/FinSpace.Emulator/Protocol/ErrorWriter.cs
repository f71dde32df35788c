using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using Microsoft.AspNetCore.Http;

namespace FinSpace.Emulator.Protocol;

/// <summary>Writes the AWS REST-JSON error form: status, <c>x-amzn-ErrorType</c>, and <c>{"message", "reason"}</c>.</summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpResponse response, ApiException error)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("message", error.Message);
            if (error.Reason is { } reason && HasReason(error.Code))
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        response.StatusCode = error.StatusCode;
        response.Headers["x-amzn-ErrorType"] = error.Code;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory);
    }

    private static bool HasReason(string code) => ServiceModel.Errors.Any(e => e.Code == code && e.HasReason);
}
