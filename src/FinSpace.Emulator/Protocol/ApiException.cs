using System;

namespace FinSpace.Emulator.Protocol;

/// <summary>
/// An AWS-style error answer: HTTP status, the code sent in <c>x-amzn-ErrorType</c>, a message, and a
/// reason for the error shapes whose model has one. Thrown anywhere in the pipeline, written in one place.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(int statusCode, string code, string message, string? reason = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Reason = reason;
    }

    public int StatusCode { get; }

    public string Code { get; }

    public string? Reason { get; }

    public static ApiException Validation(string message, string reason = Reasons.FieldValidationFailed) =>
        new(400, "ValidationException", message, reason);

    public static ApiException NotFound(string message, string reason) =>
        new(404, "ResourceNotFoundException", message, reason);

    /// <summary>The one throttling answer, whether a rate limit or an injected fault refused the request.</summary>
    public static ApiException Throttled() => new(429, "ThrottlingException", "Rate exceeded");

    public static ApiException Conflict(string message, string reason) =>
        new(409, "ConflictException", message, reason);
}
