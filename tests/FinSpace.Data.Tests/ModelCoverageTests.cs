using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>
/// The client against service-2.json itself: every operation, every member of every input and output
/// (recursively) and every enum value is represented, with the model's names and locations.
/// </summary>
public sealed class ModelCoverageTests
{
    private static JsonElement LoadModel()
    {
        using var document = JsonDocument.Parse(ReferenceModel.RequireText("service-2.json"));
        return document.RootElement.Clone();
    }

    private static readonly Dictionary<string, Shape> GeneratedShapes = typeof(ServiceModel)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Shape))
        .Select(f => (Shape)f.GetValue(null)!)
        .ToDictionary(s => s.Name);

    [Fact]
    public void EveryOperationHasAClientMethodAndMatchingMetadata()
    {
        var model = LoadModel();
        var operations = model.GetProperty("operations").EnumerateObject().ToArray();
        Assert.Equal(31, operations.Length);
        foreach (var operation in operations)
        {
            var http = operation.Value.GetProperty("http");
            var metadata = Assert.Single(ServiceModel.Operations, o => o.Name == operation.Name);
            Assert.Equal(http.GetProperty("method").GetString(), metadata.HttpMethod);
            Assert.Equal(http.GetProperty("requestUri").GetString(), metadata.RequestUri);
            Assert.Equal(operation.Value.GetProperty("input").GetProperty("shape").GetString(), metadata.Input.Name);
            Assert.Equal(operation.Value.GetProperty("output").GetProperty("shape").GetString(), metadata.Output.Name);

            var method = typeof(FinSpaceDataClient).GetMethod(operation.Name + "Async", new[] { metadata.Input.ClrType!, typeof(System.Threading.CancellationToken) });
            Assert.True(method is not null, $"no client method for {operation.Name}");
            Assert.Equal(typeof(System.Threading.Tasks.Task<>).MakeGenericType(metadata.Output.ClrType!), method!.ReturnType);
            Assert.NotNull(typeof(IFinSpaceDataClient).GetMethod(operation.Name + "Async"));
        }
    }

    [Fact]
    public void EveryMemberOfEveryInputAndOutputIsRepresented()
    {
        var model = LoadModel();
        var shapes = model.GetProperty("shapes");
        var visited = new HashSet<string>();
        var checkedMembers = 0;
        foreach (var operation in model.GetProperty("operations").EnumerateObject())
        {
            foreach (var direction in new[] { "input", "output" })
            {
                checkedMembers += CheckStructure(shapes, operation.Value.GetProperty(direction).GetProperty("shape").GetString()!, visited);
            }
        }

        Assert.True(checkedMembers > 150, $"only {checkedMembers} members checked");
    }

    private static int CheckStructure(JsonElement shapes, string shapeName, HashSet<string> visited)
    {
        if (!visited.Add(shapeName))
        {
            return 0;
        }

        var shape = shapes.GetProperty(shapeName);
        var generated = GeneratedShapes[shapeName];
        var clrType = generated.ClrType!;
        var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : new HashSet<string?>();
        var count = 0;
        foreach (var member in shape.GetProperty("members").EnumerateObject())
        {
            count++;
            var where = $"{shapeName}.{member.Name}";
            var metadata = generated.FindMember(member.Name);
            Assert.True(metadata is not null, $"{where} has no metadata member");
            var property = clrType.GetProperty(metadata!.PropertyName);
            Assert.True(property is not null, $"{where} has no property on {clrType.Name}");

            var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;
            var locationName = member.Value.TryGetProperty("locationName", out var ln) ? ln.GetString() : member.Name;
            if (location is null)
            {
                Assert.Equal(MemberLocation.Body, metadata.Location);
                Assert.Equal(member.Name, property!.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name);
            }
            else
            {
                var expected = location switch
                {
                    "uri" => MemberLocation.Uri,
                    "querystring" => MemberLocation.QueryString,
                    "header" => MemberLocation.Header,
                    "statusCode" => MemberLocation.StatusCode,
                    _ => throw new InvalidOperationException($"{where}: unknown location {location}"),
                };
                Assert.Equal(expected, metadata.Location);
                Assert.Equal(locationName, metadata.LocationName);
                Assert.NotNull(property!.GetCustomAttribute<JsonIgnoreAttribute>());
            }

            Assert.Equal(required.Contains(member.Name), metadata.Required);
            Assert.Equal(member.Value.TryGetProperty("idempotencyToken", out var token) && token.GetBoolean(), metadata.IdempotencyToken);

            var memberShapeName = member.Value.GetProperty("shape").GetString()!;
            var memberShape = shapes.GetProperty(memberShapeName);
            Assert.Equal(memberShapeName, metadata.Shape.Name);
            CheckType(where, memberShape, metadata.Shape, property!.PropertyType);
            count += Recurse(shapes, memberShapeName, visited);
        }

        return count;
    }

    private static int Recurse(JsonElement shapes, string shapeName, HashSet<string> visited)
    {
        var shape = shapes.GetProperty(shapeName);
        return shape.GetProperty("type").GetString() switch
        {
            "structure" => CheckStructure(shapes, shapeName, visited),
            "list" => Recurse(shapes, shape.GetProperty("member").GetProperty("shape").GetString()!, visited),
            "map" => Recurse(shapes, shape.GetProperty("value").GetProperty("shape").GetString()!, visited),
            _ => 0,
        };
    }

    private static void CheckType(string where, JsonElement modelShape, Shape generated, Type clrType)
    {
        var underlying = Nullable.GetUnderlyingType(clrType) ?? clrType;
        switch (modelShape.GetProperty("type").GetString())
        {
            case "string" when modelShape.TryGetProperty("enum", out _):
                Assert.True(typeof(ModelEnum).IsAssignableFrom(underlying), $"{where}: enum shape typed {clrType}");
                break;
            case "string":
                Assert.Equal(typeof(string), underlying);
                break;
            case "integer":
                Assert.Equal(typeof(int), underlying);
                break;
            case "long" when generated.Type == ShapeType.Timestamp:
                // TimestampEpoch: epoch milliseconds on the wire, a DateTimeOffset in the client.
                Assert.Equal(typeof(DateTimeOffset), underlying);
                break;
            case "long":
                Assert.Equal(typeof(long), underlying);
                break;
            case "boolean":
                Assert.Equal(typeof(bool), underlying);
                break;
            case "structure":
                Assert.Equal(generated.ClrType, underlying);
                break;
            case "list":
                Assert.True(underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>), $"{where}: list typed {clrType}");
                break;
            case "map":
                Assert.Equal(typeof(Dictionary<string, string>), underlying);
                break;
            default:
                Assert.Fail($"{where}: unexpected shape type {modelShape.GetProperty("type")}");
                break;
        }
    }

    [Fact]
    public void EveryEnumValueIsInTheGeneratedEnumClass()
    {
        var model = LoadModel();
        var enumTypes = typeof(ModelEnum).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ModelEnum))).ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var values = 0;
        foreach (var shape in model.GetProperty("shapes").EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)))
        {
            Assert.True(enumTypes.TryGetValue(shape.Name, out var type), $"no enum class for {shape.Name}");
            var known = ((System.Collections.IEnumerable)type!.GetProperty("Values")!.GetValue(null)!).Cast<ModelEnum>().Select(v => v.Value).ToArray();
            var expected = shape.Value.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();
            Assert.Equal(expected, known);
            foreach (var value in expected)
            {
                var parsed = (ModelEnum)type.GetMethod("FindValue")!.Invoke(null, new object[] { value })!;
                Assert.True(parsed.IsKnown);
                Assert.Equal(value, parsed.Value);
                values++;
            }
        }

        Assert.True(values > 50, $"only {values} enum values checked");
    }

    [Fact]
    public void EveryModeledErrorHasATypedException()
    {
        var model = LoadModel();
        foreach (var shape in model.GetProperty("shapes").EnumerateObject().Where(s => s.Value.TryGetProperty("exception", out _)))
        {
            var type = typeof(FinSpaceDataServiceException).Assembly.GetType($"FinSpace.Data.Model.{shape.Name}");
            Assert.True(type is not null && type.IsSubclassOf(typeof(FinSpaceDataServiceException)), $"no exception type for {shape.Name}");
            var status = shape.Value.GetProperty("error").GetProperty("httpStatusCode").GetInt32();
            var metadata = Assert.Single(ServiceModel.Errors, e => e.Code == shape.Name);
            Assert.Equal(status, metadata.HttpStatusCode);
            Assert.Equal(shape.Value.GetProperty("members").TryGetProperty("reason", out _), metadata.HasReason);
        }
    }
}
