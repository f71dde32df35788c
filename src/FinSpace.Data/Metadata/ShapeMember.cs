using System;

namespace FinSpace.Data.Metadata
{
    /// <summary>A member of a structure shape: where it travels, whether it is required, how to reach it.</summary>
    public sealed class ShapeMember
    {
        private readonly Func<object, object?> _get;
        private readonly Action<object, object?> _set;

        public ShapeMember(
            string name,
            string propertyName,
            Shape shape,
            MemberLocation location,
            string? locationName = null,
            bool required = false,
            bool idempotencyToken = false,
            Func<object, object?>? get = null,
            Action<object, object?>? set = null)
        {
            Name = name;
            PropertyName = propertyName;
            Shape = shape;
            Location = location;
            LocationName = locationName ?? name;
            Required = required;
            IdempotencyToken = idempotencyToken;
            _get = get ?? throw new ArgumentNullException(nameof(get));
            _set = set ?? throw new ArgumentNullException(nameof(set));
        }

        /// <summary>The member name in the model (the JSON name for body members).</summary>
        public string Name { get; }
        /// <summary>The property of the generated class.</summary>
        public string PropertyName { get; }
        public Shape Shape { get; }
        public MemberLocation Location { get; }
        /// <summary>The URI label, query-string key or header name (the member name for body members).</summary>
        public string LocationName { get; }
        public bool Required { get; }
        public bool IdempotencyToken { get; }
        /// <summary>The structure this member belongs to.</summary>
        public Shape Owner { get; internal set; } = null!;
        /// <summary>True when the member's value must never be shown (the model marks its shape or structure sensitive).</summary>
        public bool Sensitive => Shape.Sensitive || Owner.Sensitive;

        public object? GetValue(object instance) => _get(instance);

        public void SetValue(object instance, object? value) => _set(instance, value);

        public override string ToString() => Name;
    }
}
