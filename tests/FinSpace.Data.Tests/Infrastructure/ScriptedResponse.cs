using System.Collections.Generic;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>What the loopback server answers to one request.</summary>
public sealed class ScriptedResponse
{
    public int Status { get; init; } = 200;

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Never answer: hold the request until the client gives up on it.</summary>
    public bool Stall { get; init; }

    public static ScriptedResponse Json(string body, int status = 200, string? requestId = null) => new()
    {
        Status = status,
        Body = body,
        Headers = requestId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId },
    };

    /// <summary>An error the way the service sends it: code in x-amzn-ErrorType, message (and reason) in the body.</summary>
    public static ScriptedResponse Error(int status, string code, string message, string? reason = null, string requestId = "req-error")
    {
        var body = reason is null
            ? $$"""{"message":"{{message}}"}"""
            : $$"""{"message":"{{message}}","reason":"{{reason}}"}""";
        return new ScriptedResponse
        {
            Status = status,
            Body = body,
            Headers = new Dictionary<string, string>
            {
                ["x-amzn-ErrorType"] = code + ":http://internal.amazon.com/coral/com.amazon.coral.service/",
                ["x-amzn-RequestId"] = requestId,
            },
        };
    }

    public static ScriptedResponse Stalled() => new() { Stall = true };

    /// <summary>Send the headers and half the body, then abort the connection (the request may have run).</summary>
    public bool Drop { get; init; }

    public static ScriptedResponse Dropped(string body) => new() { Body = body, Drop = true };
}
