using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;

namespace FinSpace.Data.Validation
{
    /// <summary>
    /// Checks a value against the constraints of its shape in the service model: required members,
    /// lengths, patterns, enum values and numeric ranges. The client runs it before sending a request;
    /// the emulator runs the same checks on what it receives.
    /// </summary>
    public static class ModelValidator
    {
        /// <summary>Every broken constraint of <paramref name="value"/> (a structure of <paramref name="shape"/>).</summary>
        public static IReadOnlyList<ValidationProblem> Validate(Shape shape, object value)
        {
            var problems = new List<ValidationProblem>();
            CheckStructure(shape, value, prefix: string.Empty, problems);
            return problems;
        }

        /// <summary>Throws <see cref="RequestValidationException"/> when the request of <paramref name="operation"/> is not valid.</summary>
        public static void ThrowIfInvalid(OperationMetadata operation, object request)
        {
            var problems = Validate(operation.Input, request);
            if (problems.Count > 0)
            {
                throw new RequestValidationException(operation.Name, problems);
            }
        }

        private static void CheckStructure(Shape shape, object value, string prefix, List<ValidationProblem> problems)
        {
            foreach (var member in shape.Members)
            {
                CheckMember(member, member.GetValue(value), prefix.Length == 0 ? member.Name : prefix + "." + member.Name, problems);
            }
        }

        /// <summary>Every broken constraint of one member's value (null = not given); what a parameter check reuses.</summary>
        internal static void CheckMember(ShapeMember member, object? value, string path, List<ValidationProblem> problems)
        {
            if (value is null || (member.Location == MemberLocation.Uri && value is string { Length: 0 }))
            {
                if (member.Required)
                {
                    problems.Add(new ValidationProblem(path, "required", "is required"));
                }

                return;
            }

            // A label of '.' or '..' is a dot segment: HttpClient, proxies and servers resolve it
            // (RFC 3986, 5.2.4), so the request would reach another route — GET /datasetsv2/.. is GET /.
            // Percent-encoding does not help: %2E is '.' to a normalising server.
            if (member.Location == MemberLocation.Uri && value is "." or "..")
            {
                problems.Add(new ValidationProblem(path, "pathSegment", $"must not be '{value}': a dot segment in the URL would reach another operation"));
                return;
            }

            // No id holds a control character, and web servers refuse some even percent-encoded (%00):
            // say so here rather than let the front door answer a bare HTTP 400.
            if (member.Location == MemberLocation.Uri && value is string label && HasControlCharacter(label))
            {
                problems.Add(new ValidationProblem(path, "pathSegment", "must not contain control characters: a URL cannot carry them"));
                return;
            }

            CheckValue(member.Shape, value, path, member.Sensitive, problems);
        }

        /// <summary>Every broken constraint of a value against a shape other than its member's (an id's stricter shape).</summary>
        internal static void CheckShape(Shape shape, object value, string path, List<ValidationProblem> problems) =>
            CheckValue(shape, value, path, shape.Sensitive, problems);

        private static void CheckValue(Shape shape, object value, string path, bool sensitive, List<ValidationProblem> problems)
        {
            switch (shape.Type)
            {
                case ShapeType.String:
                    CheckString(shape, value is ModelEnum e ? e.Value : (string)value, path, sensitive, problems);
                    break;
                case ShapeType.Integer:
                case ShapeType.Long:
                    CheckRange(shape, Convert.ToInt64(value, CultureInfo.InvariantCulture), path, sensitive, problems);
                    break;
                case ShapeType.Structure:
                    CheckStructure(shape, value, path, problems);
                    break;
                case ShapeType.List:
                    var list = (IList)value;
                    CheckCount(shape, list.Count, path, "item", problems);
                    for (int i = 0; i < list.Count; i++)
                    {
                        var item = list[i];
                        var itemPath = $"{path}[{i}]";
                        if (item is null)
                        {
                            problems.Add(new ValidationProblem(itemPath, "required", "must not be null"));
                            continue;
                        }

                        CheckValue(shape.Element!, item, itemPath, sensitive || shape.Element!.Sensitive, problems);
                    }

                    break;
                case ShapeType.Map:
                    var map = (IDictionary)value;
                    CheckCount(shape, map.Count, path, "entry", problems);
                    foreach (DictionaryEntry entry in map)
                    {
                        var key = (string)entry.Key;
                        var entryPath = $"{path}['{key}']";
                        CheckString(shape.Key!, key, $"{path} key '{key}'", sensitive, problems);
                        if (entry.Value is null)
                        {
                            problems.Add(new ValidationProblem(entryPath, "required", "must not be null"));
                            continue;
                        }

                        CheckValue(shape.Value!, entry.Value, entryPath, sensitive || shape.Value!.Sensitive, problems);
                    }

                    break;
            }
        }

        private static void CheckString(Shape shape, string text, string path, bool sensitive, List<ValidationProblem> problems)
        {
            if (shape.EnumValues is { } allowed)
            {
                if (!Contains(allowed, text))
                {
                    var shown = sensitive ? string.Empty : $" (got '{text}')";
                    problems.Add(new ValidationProblem(path, "enum", $"must be one of {string.Join(", ", allowed)}{shown}"));
                }

                return;
            }

            var length = CodePoints(text);
            var got = sensitive ? string.Empty : $" (got {length})";
            if (shape.Min is { } min && length < min)
            {
                problems.Add(new ValidationProblem(path, "minLength", $"must be at least {min} character{Plural(min)} long{got}"));
                return;
            }

            if (shape.Max is { } max && length > max)
            {
                problems.Add(new ValidationProblem(path, "maxLength", $"must be at most {max} character{Plural(max)} long{got}"));
                return;
            }

            // A length problem is reported alone: the pattern adds nothing to "must not be empty".
            if (shape.Regex is { } regex && !regex.IsMatch(text))
            {
                problems.Add(new ValidationProblem(path, "pattern", $"must match the pattern {shape.Pattern}"));
            }
        }

        private static void CheckRange(Shape shape, long number, string path, bool sensitive, List<ValidationProblem> problems)
        {
            var got = sensitive ? string.Empty : $" (got {number.ToString(CultureInfo.InvariantCulture)})";
            if (shape.Min is { } min && number < min)
            {
                problems.Add(new ValidationProblem(path, "min", $"must be at least {min}{RangeText(shape)}{got}"));
            }
            else if (shape.Max is { } max && number > max)
            {
                problems.Add(new ValidationProblem(path, "max", $"must be at most {max}{RangeText(shape)}{got}"));
            }
        }

        private static void CheckCount(Shape shape, int count, string path, string noun, List<ValidationProblem> problems)
        {
            if (shape.Min is { } min && count < min)
            {
                problems.Add(new ValidationProblem(path, "minLength", $"must have at least {min} {noun}{Plural(min)} (got {count})"));
            }

            if (shape.Max is { } max && count > max)
            {
                problems.Add(new ValidationProblem(path, "maxLength", $"must have at most {max} {noun}{Plural(max)} (got {count})"));
            }
        }

        private static bool HasControlCharacter(string text)
        {
            foreach (var c in text)
            {
                if (c < ' ' || c == '\u007f')
                {
                    return true;
                }
            }

            return false;
        }

        // Smithy's length trait counts Unicode code points, as botocore's validator does (len() of a
        // Python str): a character outside the BMP is one, not the two UTF-16 units of its surrogate pair.
        private static int CodePoints(string text)
        {
            var count = text.Length;
            for (int i = 0; i + 1 < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
                {
                    count--;
                    i++;
                }
            }

            return count;
        }

        private static string RangeText(Shape shape) =>
            shape.Min is { } min && shape.Max is { } max ? $" (allowed range {min}..{max})" : string.Empty;

        private static string Plural(long n) => n == 1 ? string.Empty : "s";

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
}
