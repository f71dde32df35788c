using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Metadata;

namespace FinSpace.Emulator.Protocol;

/// <summary>Finds the operation of a request from the service model's HTTP bindings.</summary>
internal sealed class RouteTable
{
    private readonly Dictionary<string, RouteTemplate[]> _byMethod;

    public RouteTable(IEnumerable<OperationMetadata> operations)
    {
        _byMethod = operations
            .GroupBy(o => o.HttpMethod, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(o => new RouteTemplate(o)).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The matching operation and its labels, or null for a request no operation describes.</summary>
    public (OperationMetadata Operation, Dictionary<string, string> Labels)? Match(string method, string rawPath)
    {
        if (!_byMethod.TryGetValue(method, out var templates))
        {
            return null;
        }

        var segments = rawPath.Trim('/').Split('/');
        foreach (var template in templates)
        {
            if (template.Match(segments) is { } labels)
            {
                return (template.Operation, labels);
            }
        }

        return null;
    }
}
