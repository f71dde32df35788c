using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace FinSpace.Data.Metadata
{
    /// <summary>A shape of the service model with its constraints.</summary>
    public sealed class Shape
    {
        private readonly Lazy<Regex?> _regex;
        private readonly Func<string, object>? _parseEnum;

        public Shape(
            string name,
            ShapeType type,
            long? min = null,
            long? max = null,
            string? pattern = null,
            IReadOnlyList<string>? enumValues = null,
            Func<string, object>? parseEnum = null,
            bool sensitive = false,
            Shape? element = null,
            Shape? key = null,
            Shape? value = null,
            Type? clrType = null,
            IReadOnlyList<ShapeMember>? members = null)
        {
            Name = name;
            Type = type;
            Min = min;
            Max = max;
            Pattern = pattern;
            EnumValues = enumValues;
            _parseEnum = parseEnum;
            Sensitive = sensitive;
            Element = element;
            Key = key;
            Value = value;
            ClrType = clrType;
            Members = members ?? Array.Empty<ShapeMember>();
            // Smithy patterns are not anchored: a value is valid when the pattern matches somewhere in it.
            _regex = new Lazy<Regex?>(() => pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant));
            foreach (var member in Members)
            {
                member.Owner = this;
            }
        }

        public string Name { get; }
        public ShapeType Type { get; }
        /// <summary>Minimum length (strings, lists, maps) or value (numbers).</summary>
        public long? Min { get; }
        /// <summary>Maximum length (strings, lists, maps) or value (numbers).</summary>
        public long? Max { get; }
        public string? Pattern { get; }
        public IReadOnlyList<string>? EnumValues { get; }
        public bool Sensitive { get; }
        /// <summary>The element shape of a list.</summary>
        public Shape? Element { get; }
        /// <summary>The key shape of a map.</summary>
        public Shape? Key { get; }
        /// <summary>The value shape of a map.</summary>
        public Shape? Value { get; }
        /// <summary>The generated class of a structure.</summary>
        public Type? ClrType { get; }
        public IReadOnlyList<ShapeMember> Members { get; }

        internal Regex? Regex => _regex.Value;

        /// <summary>The member with the given wire name, or null.</summary>
        public ShapeMember? FindMember(string name)
        {
            foreach (var member in Members)
            {
                if (member.Name == name)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>Creates an empty instance of a structure shape.</summary>
        public object CreateInstance() =>
            Activator.CreateInstance(ClrType ?? throw new InvalidOperationException($"{Name} is not a structure."))!;

        /// <summary>Converts a URI or query-string text to the member's CLR value.</summary>
        public object ParseScalar(string text)
        {
            switch (Type)
            {
                case ShapeType.String when _parseEnum is not null:
                    return _parseEnum(text);
                case ShapeType.String:
                    return text;
                case ShapeType.Integer:
                    return int.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
                case ShapeType.Long:
                    return long.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
                case ShapeType.Boolean:
                    return bool.Parse(text);
                case ShapeType.Timestamp:
                    return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
                default:
                    throw new InvalidOperationException($"{Name} ({Type}) cannot be read from text.");
            }
        }

        /// <summary>Formats a scalar CLR value as URI or query-string text.</summary>
        public static string FormatScalar(object value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            DateTimeOffset t => t.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        public override string ToString() => Name;
    }
}
