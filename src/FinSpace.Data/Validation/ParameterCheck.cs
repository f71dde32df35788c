using System;
using System.Collections;
using System.Collections.Generic;
using FinSpace.Data.Metadata;

namespace FinSpace.Data.Validation
{
    /// <summary>
    /// Checks values a caller gave as named parameters against the members of one operation's input
    /// they become — the model's rules, applied by <see cref="ModelValidator"/> — plus rules of the
    /// parameters themselves, and throws one <see cref="RequestValidationException"/> naming each
    /// parameter (<c>-Title (datasetTitle) must be at most 255 characters long</c>) before any request
    /// is built or sent. Enum values are compared ignoring case, as they are canonicalised when sent.
    /// </summary>
    public sealed class ParameterCheck
    {
        // The shape of each kind of id wherever it appears: GetDataset's datasetId allows 255
        // characters, but a dataset id has at most 26 everywhere else, so a longer one cannot exist.
        private static readonly Dictionary<string, Shape> IdShapes = new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["DatasetId"] = ServiceModel.DatasetIdShape,
            ["ChangesetId"] = ServiceModel.ChangesetIdShape,
            ["DataViewId"] = ServiceModel.DataViewIdShape,
            ["UserId"] = ServiceModel.UserIdShape,
            ["PermissionGroupId"] = ServiceModel.PermissionGroupIdShape,
        };

        private readonly OperationMetadata _operation;
        private readonly List<ValidationProblem> _problems = new List<ValidationProblem>();

        public ParameterCheck(OperationMetadata operation)
        {
            _operation = operation ?? throw new ArgumentNullException(nameof(operation));
        }

        /// <summary>A value given for <paramref name="memberPath"/> (dotted for nested members, e.g. <c>ownerInfo.email</c>); null = not given, never a problem here.</summary>
        public ParameterCheck Given(string parameter, string memberPath, object? value)
        {
            if (value is not null)
            {
                Check(parameter, memberPath, value);
            }

            return this;
        }

        /// <summary>A value the request cannot do without: null or empty is a "required" problem.</summary>
        public ParameterCheck Required(string parameter, string memberPath, object? value)
        {
            if (value is null || value is string { Length: 0 })
            {
                _problems.Add(new ValidationProblem(memberPath, "required", "is required").For(parameter));
                return this;
            }

            Check(parameter, memberPath, value);
            return this;
        }

        /// <summary>An id that goes into the URL: required, the model's length and pattern (at most 26 characters), never a dot segment.</summary>
        public ParameterCheck Id(string parameter, string memberPath, string? value)
        {
            var before = _problems.Count;
            Required(parameter, memberPath, value);
            if (_problems.Count == before && IdShapes.TryGetValue(parameter, out var idShape) && Member(memberPath).Shape != idShape)
            {
                var problems = new List<ValidationProblem>();
                ModelValidator.CheckShape(idShape, value!, memberPath, problems);
                Add(parameter, problems);
            }

            return this;
        }

        /// <summary>A rule of the parameters themselves; <paramref name="sentence"/> names them and says why.</summary>
        public ParameterCheck Rule(bool broken, string parameter, string rule, string sentence)
        {
            if (broken)
            {
                _problems.Add(ValidationProblem.OfParameter(parameter, rule, sentence));
            }

            return this;
        }

        /// <summary>A caller's idempotency token: the model's rules, and room for the per-item suffix.</summary>
        public ParameterCheck CallerToken(string? token, string memberPath = "clientToken")
        {
            if (token is not null && token.Length > Management.ClientTokens.MaxCallerTokenLength)
            {
                _problems.Add(new ValidationProblem(memberPath, "maxLength",
                    $"must be at most {Management.ClientTokens.MaxCallerTokenLength} characters long (got {token.Length}): each item's token adds a suffix of {128 - Management.ClientTokens.MaxCallerTokenLength} to the model's 128").For("ClientToken"));
                return this;
            }

            return Given("ClientToken", memberPath, token);
        }

        /// <summary>Every problem found so far.</summary>
        public IReadOnlyList<ValidationProblem> Problems => _problems;

        /// <summary>Throws when any check failed; nothing has been sent.</summary>
        public void ThrowIfInvalid()
        {
            if (_problems.Count > 0)
            {
                throw new RequestValidationException(_operation.Name, _problems.ToArray());
            }
        }

        private void Check(string parameter, string memberPath, object value)
        {
            var member = Member(memberPath);
            var problems = new List<ValidationProblem>();
            ModelValidator.CheckMember(member, Canonical(member.Shape, value), memberPath, problems);
            Add(parameter, problems);
        }

        private void Add(string parameter, List<ValidationProblem> problems)
        {
            foreach (var problem in problems)
            {
                _problems.Add(problem.For(parameter));
            }
        }

        private ShapeMember Member(string memberPath)
        {
            var shape = _operation.Input;
            ShapeMember? member = null;
            foreach (var name in memberPath.Split('.'))
            {
                member = shape.FindMember(name)
                    ?? throw new ArgumentException($"{_operation.Name} has no member {memberPath}.", nameof(memberPath));
                shape = member.Shape;
            }

            return member!;
        }

        /// <summary>The model's spelling of an enum value typed in any case (lists of them too); anything else unchanged.</summary>
        public static object Canonical(Shape shape, object value)
        {
            if (value is string text && shape.EnumValues is { } values)
            {
                return CanonicalText(values, text);
            }

            if (value is IList list && shape.Element?.EnumValues is { } elementValues)
            {
                var copy = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    copy.Add(item is string s ? CanonicalText(elementValues, s) : item);
                }

                return copy;
            }

            return value;
        }

        private static string CanonicalText(IReadOnlyList<string> values, string text)
        {
            foreach (var candidate in values)
            {
                if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }

            return text;
        }
    }
}
