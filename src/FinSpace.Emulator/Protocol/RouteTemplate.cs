using System;
using System.Collections.Generic;
using FinSpace.Data.Metadata;

namespace FinSpace.Emulator.Protocol;

/// <summary>One operation's URI template split into literal segments and <c>{label}</c> segments.</summary>
internal sealed class RouteTemplate
{
    private readonly string[] _segments;

    public RouteTemplate(OperationMetadata operation)
    {
        Operation = operation;
        _segments = operation.RequestUri.Trim('/').Split('/');
    }

    public OperationMetadata Operation { get; }

    public int SegmentCount => _segments.Length;

    /// <summary>The decoded labels when <paramref name="segments"/> (still percent-encoded) fit the template.</summary>
    public Dictionary<string, string>? Match(string[] segments)
    {
        if (segments.Length != _segments.Length)
        {
            return null;
        }

        Dictionary<string, string>? labels = null;
        for (int i = 0; i < segments.Length; i++)
        {
            var template = _segments[i];
            if (template.StartsWith('{'))
            {
                labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
                labels[template[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return labels ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
