using System;
using System.Collections.Generic;
using System.Text.Json;
using FinSpace.Data.Metadata;

namespace FinSpace.Emulator.Protocol;

/// <summary>
/// Checks the JSON types of a request body against the model before it is deserialized, so a wrong
/// type is reported with the member's name (not as a parser error), and enum values are matched
/// exactly as the service does (the client library's enums accept any case).
/// </summary>
internal static class RawJsonChecker
{
    public static List<string> Check(Shape input, JsonElement body)
    {
        var problems = new List<string>();
        CheckStructure(input, body, string.Empty, sensitive: false, topLevel: true, problems);
        return problems;
    }

    private static void CheckStructure(Shape shape, JsonElement value, string prefix, bool sensitive, bool topLevel, List<string> problems)
    {
        foreach (var property in value.EnumerateObject())
        {
            var member = shape.FindMember(property.Name);
            if (member is null || (topLevel && member.Location != MemberLocation.Body))
            {
                continue;
            }

            var path = prefix.Length == 0 ? member.Name : prefix + "." + member.Name;
            CheckValue(member.Shape, property.Value, path, sensitive || member.Sensitive, problems);
        }
    }

    private static void CheckValue(Shape shape, JsonElement value, string path, bool sensitive, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        switch (shape.Type)
        {
            case ShapeType.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"'{path}' must be a string.");
                }
                else if (shape.EnumValues is { } allowed && !Contains(allowed, value.GetString()!))
                {
                    var shown = sensitive ? string.Empty : $" (got '{value.GetString()}')";
                    problems.Add($"'{path}' must be one of {string.Join(", ", allowed)}{shown}.");
                }

                break;
            case ShapeType.Integer:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _))
                {
                    problems.Add($"'{path}' must be a 32-bit integer.");
                }

                break;
            case ShapeType.Long:
            case ShapeType.Timestamp:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out _))
                {
                    problems.Add($"'{path}' must be a number.");
                }

                break;
            case ShapeType.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"'{path}' must be true or false.");
                }

                break;
            case ShapeType.Structure:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"'{path}' must be an object.");
                }
                else
                {
                    CheckStructure(shape, value, path, sensitive, topLevel: false, problems);
                }

                break;
            case ShapeType.List:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"'{path}' must be an array.");
                    break;
                }

                int index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(shape.Element!, item, $"{path}[{index++}]", sensitive, problems);
                }

                break;
            case ShapeType.Map:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"'{path}' must be an object.");
                    break;
                }

                foreach (var entry in value.EnumerateObject())
                {
                    CheckValue(shape.Value!, entry.Value, $"{path}['{entry.Name}']", sensitive, problems);
                }

                break;
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
