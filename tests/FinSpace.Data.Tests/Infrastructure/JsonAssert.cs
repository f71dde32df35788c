using System.Linq;
using System.Text.Json;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>Compares JSON documents by structure: same member names, same values (numbers by their literal text), any member order.</summary>
public static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var difference = Compare(expectedDocument.RootElement, actualDocument.RootElement, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    return $"{path}: expected members [{string.Join(",", expectedNames)}], got [{string.Join(",", actualNames)}]";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    var inner = Compare(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}";
                }

                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    var inner = Compare(e, a, $"{path}[{index++}]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                // Escaping is the serializer's choice ("+" may travel as "\u002B"); the value is what counts.
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }
}
