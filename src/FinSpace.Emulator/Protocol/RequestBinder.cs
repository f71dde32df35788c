using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinSpace.Data.Metadata;
using FinSpace.Data.Serialization;
using FinSpace.Data.Validation;

namespace FinSpace.Emulator.Protocol;

/// <summary>
/// Turns URI labels, query parameters and the JSON body into the operation's input object using the
/// service model's bindings, then validates it with the same <see cref="ModelValidator"/> the client uses.
/// </summary>
internal static class RequestBinder
{
    public static BoundRequest Bind(OperationMetadata operation, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> query, ReadOnlyMemory<byte> body)
    {
        var input = ReadBody(operation, body);
        var problems = new List<string>();
        foreach (var member in operation.Input.Members)
        {
            string? text = member.Location switch
            {
                MemberLocation.Uri => labels.TryGetValue(member.LocationName, out var label) ? label : null,
                MemberLocation.QueryString => query.TryGetValue(member.LocationName, out var value) ? value : null,
                _ => null,
            };
            if (text is null)
            {
                continue;
            }

            try
            {
                member.SetValue(input, member.Shape.ParseScalar(text));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                problems.Add($"'{member.Name}' must be {Describe(member.Shape.Type)}.");
            }
        }

        if (problems.Count > 0)
        {
            throw Invalid(operation, problems);
        }

        var modelProblems = ModelValidator.Validate(operation.Input, input);
        if (modelProblems.Count > 0)
        {
            foreach (var problem in modelProblems)
            {
                problems.Add(problem.Message);
            }

            throw Invalid(operation, problems);
        }

        var tokenMember = FindTokenMember(operation.Input);
        var token = tokenMember?.GetValue(input) as string;
        return new BoundRequest(operation, input, token, Fingerprint(operation, input, tokenMember));
    }

    private static object ReadBody(OperationMetadata operation, ReadOnlyMemory<byte> body)
    {
        if (!operation.HasBody || IsBlank(body.Span))
        {
            return operation.Input.CreateInstance();
        }

        var typeInfo = FinSpaceJsonContext.Default.GetTypeInfo(operation.Input.ClrType!)!;
        try
        {
            using (var document = JsonDocument.Parse(body))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw ApiException.Validation("The request body must be a JSON object.", Reasons.MalformedRequest);
                }

                var problems = RawJsonChecker.Check(operation.Input, document.RootElement);
                if (problems.Count > 0)
                {
                    throw Invalid(operation, problems);
                }
            }

            return JsonSerializer.Deserialize(body.Span, typeInfo) ?? operation.Input.CreateInstance();
        }
        catch (JsonException)
        {
            // The parser's message can quote the body; the position is enough to find the mistake.
            throw ApiException.Validation("The request body is not valid JSON.", Reasons.MalformedRequest);
        }
    }

    private static ShapeMember? FindTokenMember(Shape input)
    {
        foreach (var member in input.Members)
        {
            if (member.IdempotencyToken)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>A hash of every member except the token: a token reused with other parameters is a conflict.</summary>
    private static string Fingerprint(OperationMetadata operation, object input, ShapeMember? tokenMember)
    {
        var token = tokenMember?.GetValue(input);
        tokenMember?.SetValue(input, null);
        try
        {
            var text = new StringBuilder(operation.Name);
            foreach (var member in operation.Input.Members)
            {
                if (member.Location is MemberLocation.Uri or MemberLocation.QueryString && member.GetValue(input) is { } value)
                {
                    text.Append('\n').Append(member.Name).Append('=').Append(Shape.FormatScalar(value));
                }
            }

            var typeInfo = FinSpaceJsonContext.Default.GetTypeInfo(operation.Input.ClrType!)!;
            text.Append('\n').Append(JsonSerializer.Serialize(input, typeInfo));
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
        finally
        {
            tokenMember?.SetValue(input, token);
        }
    }

    private static ApiException Invalid(OperationMetadata operation, List<string> problems) =>
        ApiException.Validation($"{problems.Count.ToString(CultureInfo.InvariantCulture)} validation error{(problems.Count == 1 ? string.Empty : "s")} detected in the {operation.Name} request: {string.Join(" ", problems)}");

    private static string Describe(ShapeType type) => type switch
    {
        ShapeType.Integer => "an integer",
        ShapeType.Long => "an integer",
        ShapeType.Boolean => "true or false",
        ShapeType.Timestamp => "epoch milliseconds",
        _ => "text",
    };

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
