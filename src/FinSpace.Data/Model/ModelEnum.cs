using System;
using System.Collections.Generic;

namespace FinSpace.Data.Model
{
    /// <summary>
    /// Base of every string enum in the service model. A value the client does not know (one the
    /// service might add later) is kept verbatim and sent back unchanged instead of failing.
    /// </summary>
    /// <remarks>
    /// <see cref="Equals(object)"/> also accepts a string and compares it ignoring case, so that
    /// PowerShell's <c>$x.Status -eq 'success'</c> behaves as users expect.
    /// </remarks>
    public abstract class ModelEnum : IEquatable<ModelEnum>
    {
        protected ModelEnum(string value)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>The value exactly as it travels on the wire.</summary>
        public string Value { get; }

        /// <summary>True when the value is one the service model defines.</summary>
        public abstract bool IsKnown { get; }

        public override string ToString() => Value;

        public bool Equals(ModelEnum? other) =>
            other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj switch
        {
            string text => string.Equals(Value, text, StringComparison.OrdinalIgnoreCase),
            ModelEnum other => Equals(other),
            _ => false,
        };

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        public static bool operator ==(ModelEnum? left, ModelEnum? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(ModelEnum? left, ModelEnum? right) => !(left == right);

        public static implicit operator string?(ModelEnum? value) => value?.Value;

        /// <summary>The known value equal to <paramref name="value"/> ignoring case (what a person types), or a new value kept verbatim.</summary>
        protected static T Find<T>(string value, IReadOnlyList<T> known, Func<string, T> create)
            where T : ModelEnum =>
            Lookup(value ?? throw new ArgumentNullException(nameof(value)), known, StringComparison.OrdinalIgnoreCase) ?? create(value);

        /// <summary>The known value spelled exactly so, or a new value kept verbatim: what arrives on the wire is not corrected.</summary>
        protected static T FindExact<T>(string value, IReadOnlyList<T> known, Func<string, T> create)
            where T : ModelEnum =>
            Lookup(value, known, StringComparison.Ordinal) ?? create(value);

        protected static bool IsKnownValue<T>(T value, IReadOnlyList<T> known)
            where T : ModelEnum =>
            Lookup(value.Value, known, StringComparison.Ordinal) is not null;

        private static T? Lookup<T>(string value, IReadOnlyList<T> known, StringComparison comparison)
            where T : ModelEnum
        {
            foreach (var candidate in known)
            {
                if (string.Equals(candidate.Value, value, comparison))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
