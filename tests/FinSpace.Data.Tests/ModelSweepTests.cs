using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;
using FinSpace.Data.Validation;

namespace FinSpace.Data.Tests;

/// <summary>
/// A sweep of every member of every operation in the vendored service model with hostile and
/// boundary values. The oracle is the model file itself, read here and not through the client's
/// validator — lengths in code points (as Smithy and botocore count), unanchored patterns, enums,
/// ranges, required members — plus the protocol rule for URI labels: never a dot segment, never a
/// control character (servers refuse %00 in a path, and no id holds one). A value
/// the oracle refuses must be refused before anything is sent, naming the member and the rule; a
/// value it accepts must be sent and arrive exactly as given. The totals are printed.
/// </summary>
public sealed class ModelSweepTests
{
    private static readonly string Megabyte = new('m', 1 << 20);

    private static readonly string[] HostileStrings =
    {
        "", "   ", "\t\n", Megabyte, "a\u0000b", "\u0007\u001b[31m", ".", "..", "%2F", "a/b", "a/../b", "?q=1#f",
        "\U0001D11E", "\U0001D11E\U0001D11E", "caf\u00e9",
    };

    [Fact]
    public async Task NoInvalidValueReachesTheWireAndEveryValidOneArrivesIntact()
    {
        using var model = JsonDocument.Parse(ReferenceModel.RequireText("service-2.json"));
        var shapes = model.RootElement.GetProperty("shapes");
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var totals = new Totals();
        var failures = new List<string>();

        foreach (var operation in ServiceModel.Operations)
        {
            var inputName = model.RootElement.GetProperty("operations").GetProperty(operation.Name).GetProperty("input").GetProperty("shape").GetString()!;
            foreach (var target in Target.All(operation, operation.Input, shapes.GetProperty(inputName), shapes, Array.Empty<ShapeMember>()))
            {
                totals.Members++;
                totals.Constrained += target.Constrained ? 1 : 0;
                foreach (var value in target.Values())
                {
                    var request = SampleRequests.Minimal(operation);
                    var wire = target.Set(request, value);
                    var expected = target.Problem(wire);
                    var before = server.RequestCount;
                    Exception? error = null;
                    try
                    {
                        await SampleRequests.CallAsync(client, operation, request, TestContext.Current.CancellationToken);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }

                    totals.Tried++;
                    var sent = server.RequestCount > before;
                    var what = $"{operation.Name}.{target.Path} = {Show(wire)}";
                    if (sent)
                    {
                        totals.Sent++;
                        if (expected is not null)
                        {
                            totals.InvalidOnTheWire++;
                            failures.Add($"{what}: sent, but the model says {expected}");
                        }
                        else if (target.Arrived(server.Requests[^1], wire) is { } garbled)
                        {
                            failures.Add($"{what}: arrived as {garbled}");
                        }
                        else
                        {
                            totals.Intact++;
                        }

                        continue;
                    }

                    totals.Rejected++;
                    if (expected is null)
                    {
                        totals.ValidRefused++;
                        failures.Add($"{what}: refused ({error?.Message}), but the model allows it");
                    }
                    else if (error is not RequestValidationException invalid
                        || !invalid.Problems.Any(p => p.MemberPath.StartsWith(target.Path, StringComparison.Ordinal) && expected.Split('|').Contains(p.Rule)))
                    {
                        failures.Add($"{what}: refused with '{error?.Message}', which does not name {target.Path} and the rule {expected}");
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine("[figure] " + totals);
        Assert.True(failures.Count == 0, totals + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(40)));
        Assert.Equal(0, totals.InvalidOnTheWire);
        Assert.Equal(totals.Tried, totals.Rejected + totals.Sent);
        Assert.True(totals.Rejected > 0 && totals.Intact > 0, totals.ToString());
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string { Length: > 40 } s => $"<{s.Length} characters>",
        string s => JsonSerializer.Serialize(s),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => Show(k) + ": " + Show(map[k]))) + "}",
        IList list => "[" + string.Join(", ", list.Cast<object>().Select(Show)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private sealed class Totals
    {
        public int Members, Constrained, Tried, Rejected, Sent, Intact, InvalidOnTheWire, ValidRefused;

        public override string ToString() =>
            $"Model sweep: {Members} members of {ServiceModel.Operations.Count} operations ({Constrained} constrained), {Tried} values tried: " +
            $"{Rejected} rejected before sending, {Sent} sent ({Intact} arrived intact); invalid values on the wire: {InvalidOnTheWire}; valid values refused: {ValidRefused}.";
    }

    /// <summary>One member (top level, nested in a structure, a list element or a map key/value) and its constraints as the model file states them.</summary>
    private sealed class Target
    {
        private enum Part { Value, ListElement, MapKey, MapValue }

        private readonly OperationMetadata _operation;
        private readonly ShapeMember[] _chain;
        private readonly Part _part;
        private readonly Shape _scalar;
        private readonly JsonElement _constraints;
        private readonly bool _required;

        private Target(OperationMetadata operation, ShapeMember[] chain, Part part, Shape scalar, JsonElement constraints, bool required)
        {
            _operation = operation;
            _chain = chain;
            _part = part;
            _scalar = scalar;
            _constraints = constraints;
            _required = required;
        }

        private ShapeMember Member => _chain[^1];

        public string Path => string.Join(".", _chain.Select(m => m.Name)) + _part switch { Part.ListElement => "[0]", Part.MapKey => " key", _ => string.Empty };

        public bool Constrained => _required || new[] { "min", "max", "pattern", "enum" }.Any(k => _constraints.TryGetProperty(k, out _));

        private bool InUri => _chain.Length == 1 && Member.Location == MemberLocation.Uri;

        public static IEnumerable<Target> All(OperationMetadata operation, Shape structure, JsonElement json, JsonElement shapes, ShapeMember[] prefix)
        {
            var required = json.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : new HashSet<string?>();
            foreach (var member in structure.Members)
            {
                var chain = prefix.Append(member).ToArray();
                var memberJson = shapes.GetProperty(json.GetProperty("members").GetProperty(member.Name).GetProperty("shape").GetString()!);
                var isRequired = required.Contains(member.Name);
                switch (member.Shape.Type)
                {
                    case ShapeType.String or ShapeType.Integer or ShapeType.Long:
                        yield return new Target(operation, chain, Part.Value, member.Shape, memberJson, isRequired);
                        break;
                    case ShapeType.Structure when member.Shape.Members.Count > 0:
                        foreach (var nested in All(operation, member.Shape, memberJson, shapes, chain))
                        {
                            yield return nested;
                        }

                        break;
                    case ShapeType.List when member.Shape.Element!.Type == ShapeType.String:
                        yield return new Target(operation, chain, Part.ListElement, member.Shape.Element, shapes.GetProperty(memberJson.GetProperty("member").GetProperty("shape").GetString()!), false);
                        break;
                    case ShapeType.Map:
                        yield return new Target(operation, chain, Part.MapKey, member.Shape.Key!, shapes.GetProperty(memberJson.GetProperty("key").GetProperty("shape").GetString()!), false);
                        yield return new Target(operation, chain, Part.MapValue, member.Shape.Value!, shapes.GetProperty(memberJson.GetProperty("value").GetProperty("shape").GetString()!), false);
                        break;
                }
            }
        }

        public IEnumerable<object?> Values()
        {
            if (_required && _part == Part.Value)
            {
                yield return null;
            }

            var min = Limit("min");
            var max = Limit("max");
            if (_scalar.Type is ShapeType.Integer or ShapeType.Long)
            {
                foreach (var n in new[] { min - 1, min, max, max + 1, 0, -1, int.MaxValue }.Where(n => n is not null).Distinct())
                {
                    yield return n!.Value;
                }

                yield break;
            }

            foreach (var text in HostileStrings)
            {
                // A URL or query string without a length limit: a megabyte is the web server's limit, not the model's.
                if (ReferenceEquals(text, Megabyte) && max is null && _chain.Length == 1 && Member.Location is MemberLocation.Uri or MemberLocation.QueryString)
                {
                    continue;
                }

                yield return text;
            }

            if (min is > 1)
            {
                yield return new string('a', (int)min.Value - 1);
            }

            if (max is { } most && most < 10_000)
            {
                yield return new string('a', (int)most);
                yield return new string('a', (int)most + 1);
                yield return string.Concat(Enumerable.Repeat("\U0001D11E", (int)most));
            }

            if (_constraints.TryGetProperty("enum", out var values))
            {
                var first = values[0].GetString()!;
                yield return first;
                yield return first.ToLowerInvariant();
                yield return "NOT_A_VALUE";
            }
        }

        /// <summary>Puts <paramref name="value"/> where this target lives; returns the value as the wire will carry it (an enum typed in lower case is canonicalised by its type).</summary>
        public object? Set(object request, object? value)
        {
            var owner = request;
            foreach (var member in _chain[..^1])
            {
                var next = member.GetValue(owner);
                if (next is null)
                {
                    next = member.Shape.CreateInstance();
                    member.SetValue(owner, next);
                }

                owner = next;
            }

            var scalar = value is null ? null : Scalar(value);
            switch (_part)
            {
                case Part.Value:
                    Member.SetValue(owner, scalar);
                    break;
                case Part.ListElement:
                    var list = (IList)Activator.CreateInstance(PropertyType(owner))!;
                    list.Add(scalar);
                    Member.SetValue(owner, list);
                    break;
                case Part.MapKey:
                    Member.SetValue(owner, new Dictionary<string, string> { [(string)scalar!] = "v" });
                    break;
                case Part.MapValue:
                    Member.SetValue(owner, new Dictionary<string, string> { ["k"] = (string)scalar! });
                    break;
            }

            return scalar is ModelEnum e ? e.Value : scalar;
        }

        /// <summary>The rule the model file says <paramref name="wire"/> breaks (alternatives separated by |), or null when it is valid.</summary>
        public string? Problem(object? wire)
        {
            if (wire is null)
            {
                // A required page size left out is filled by the client (its documented promise), so it is not missing.
                return _required && !(_chain.Length == 1 && _operation.Paging?.LimitKey == Member.Name) ? "required" : null;
            }

            var min = Limit("min");
            var max = Limit("max");
            if (wire is not string text)
            {
                var number = Convert.ToInt64(wire, CultureInfo.InvariantCulture);
                return number < min ? "min" : number > max ? "max" : null;
            }

            if (InUri && text.Length == 0)
            {
                return "required|minLength";
            }

            if (InUri && (text is "." or ".." || text.Any(c => c < ' ' || c == '\u007f')))
            {
                return "pathSegment";
            }

            if (_constraints.TryGetProperty("enum", out var values))
            {
                return values.EnumerateArray().Any(v => v.GetString() == text) ? null : "enum";
            }

            var length = text.EnumerateRunes().Count();
            if (length < min)
            {
                return "minLength";
            }

            if (length > max)
            {
                return "maxLength";
            }

            return _constraints.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!) ? "pattern" : null;
        }

        /// <summary>Null when the request carries <paramref name="wire"/> exactly; otherwise what it carried.</summary>
        public string? Arrived(RecordedRequest request, object? wire)
        {
            if (wire is null)
            {
                return null;
            }

            var expected = Convert.ToString(wire, CultureInfo.InvariantCulture)!;
            if (_chain.Length == 1 && Member.Location == MemberLocation.Uri)
            {
                var template = _operation.RequestUri.Split('/');
                var segments = request.RawPath.Split('/');
                if (segments.Length != template.Length)
                {
                    return $"the path {request.RawPath}, which has {segments.Length - 1} segments instead of {template.Length - 1}";
                }

                var actual = Uri.UnescapeDataString(segments[Array.IndexOf(template, "{" + Member.LocationName + "}")]);
                return actual == expected ? null : Show(actual);
            }

            if (_chain.Length == 1 && Member.Location == MemberLocation.QueryString)
            {
                var actual = request.QueryParameters.Where(p => p.Key == Member.LocationName).Select(p => p.Value).ToArray();
                return actual.SequenceEqual(new[] { expected }) ? null : Show(string.Join(",", actual));
            }

            using var body = JsonDocument.Parse(request.BodyText);
            var node = body.RootElement;
            foreach (var member in _chain)
            {
                if (!node.TryGetProperty(member.Name, out node))
                {
                    return $"a body without {member.Name}";
                }
            }

            var carried = _part switch
            {
                Part.ListElement => node[0].ToString(),
                Part.MapKey => node.EnumerateObject().Single().Name,
                Part.MapValue => node.GetProperty("k").GetString(),
                _ => node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText(),
            };
            return carried == expected ? null : Show(carried);
        }

        private long? Limit(string name) =>
            _constraints.TryGetProperty(name, out var limit) ? (long)limit.GetDouble() : null;

        private object Scalar(object value) => value switch
        {
            string text => _scalar.ParseScalar(text),
            long n when _scalar.Type == ShapeType.Integer => (int)Math.Clamp(n, int.MinValue, int.MaxValue),
            _ => value,
        };

        private Type PropertyType(object owner) => owner.GetType().GetProperty(Member.PropertyName)!.PropertyType;
    }
}
