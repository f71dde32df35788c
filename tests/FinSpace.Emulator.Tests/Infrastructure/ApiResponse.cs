using System.Net;
using System.Text.Json;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>What came back: status, the AWS headers that matter, and the parsed JSON body.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string? ErrorType, string? RequestId, string Text, System.DateTimeOffset? Date = null)
{
    public JsonElement Json => JsonDocument.Parse(Text.Length == 0 ? "{}" : Text).RootElement;

    public string Str(string name) => Json.GetProperty(name).GetString()!;

    public string? Message => Json.TryGetProperty("message", out var m) ? m.GetString() : null;

    public string? Reason => Json.TryGetProperty("reason", out var r) ? r.GetString() : null;

    public override string ToString() => $"{(int)Status} {ErrorType} {Text}";
}
