using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// Builds the smallest valid request of any operation from the model (required members only), and
/// calls the operation by name, so a behaviour can be checked for every operation that has it.
/// </summary>
public static class SampleRequests
{
    /// <summary>A CreateDataset request with a title, a kind and a permission group: the retry and idempotency tests' subject.</summary>
    public static FinSpace.Data.Model.CreateDatasetRequest TradesDataset() => new()
    {
        DatasetTitle = "Trades",
        Kind = FinSpace.Data.Model.DatasetKind.Tabular,
        PermissionGroupParams = new FinSpace.Data.Model.PermissionGroupParams { PermissionGroupId = "pg-1" },
    };

    private static readonly string[] StringCandidates = { "user@example.com", "arn:aws:iam::123456789012:role/sample", "alias/sample" };

    public static object Minimal(OperationMetadata operation)
    {
        var request = Build(operation.Input);
        Assert.Empty(ModelValidator.Validate(operation.Input, request));
        return request;
    }

    public static async Task<object> CallAsync(IFinSpaceDataClient client, OperationMetadata operation, object request, CancellationToken cancellationToken)
    {
        var method = typeof(IFinSpaceDataClient).GetMethod(operation.Name + "Async")!;
        var task = (Task)method.Invoke(client, new[] { request, cancellationToken })!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    private static object Build(Shape shape)
    {
        var instance = shape.CreateInstance();
        foreach (var member in shape.Members.Where(m => m.Required))
        {
            var property = shape.ClrType!.GetProperty(member.PropertyName)!;
            member.SetValue(instance, Value(member.Shape, property.PropertyType));
        }

        return instance;
    }

    private static object Value(Shape shape, Type clrType)
    {
        switch (shape.Type)
        {
            case ShapeType.String when shape.EnumValues is { Count: > 0 } values:
                return shape.ParseScalar(values[0]);
            case ShapeType.String:
                var plain = new string('x', (int)Math.Max(shape.Min ?? 1, 1));
                return new[] { plain }.Concat(StringCandidates).First(candidate =>
                    candidate.Length >= (shape.Min ?? 0) && candidate.Length <= (shape.Max ?? int.MaxValue) && (shape.Regex?.IsMatch(candidate) ?? true));
            case ShapeType.Integer:
                return (int)(shape.Min ?? 1);
            case ShapeType.Long:
                return shape.Min ?? 1L;
            case ShapeType.Boolean:
                return true;
            case ShapeType.Timestamp:
                return DateTimeOffset.FromUnixTimeMilliseconds(1700000000000);
            case ShapeType.Structure:
                return Build(shape);
            case ShapeType.List:
                var list = (IList)Activator.CreateInstance(clrType)!;
                list.Add(Value(shape.Element!, clrType.GetGenericArguments()[0]));
                return list;
            case ShapeType.Map:
                var map = (IDictionary)Activator.CreateInstance(clrType)!;
                map.Add("key", Value(shape.Value!, clrType.GetGenericArguments()[1]));
                return map;
            default:
                throw new NotSupportedException(shape.Type.ToString());
        }
    }
}
