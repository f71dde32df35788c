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
        // Every shape each kind of id has wherever it travels in a URL. An id must pass all of them:
        // GetDataset's datasetId allows 255 characters but must hold a non-blank one, a dataset id
        // has at most 26 everywhere else, so an id failing either cannot exist and is refused at once.
        private static readonly Dictionary<string, List<Shape>> IdShapes = CollectIdShapes();

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

        /// <summary>
        /// An id that goes into the URL: required, never a dot segment or a control character, and
        /// valid for every shape this kind of id has in the model (at most 26 characters).
        /// </summary>
        public ParameterCheck Id(string parameter, string memberPath, string? value)
        {
            var before = _problems.Count;
            Required(parameter, memberPath, value);
            if (_problems.Count == before && IdShapes.TryGetValue(Member(memberPath).LocationName, out var shapes))
            {
                var problems = new List<ValidationProblem>();
                foreach (var shape in shapes)
                {
                    if (problems.Count == 0)
                    {
                        ModelValidator.CheckShape(shape, value!, memberPath, problems);
                    }
                }

                Add(parameter, problems);
            }

            return this;
        }

        private static Dictionary<string, List<Shape>> CollectIdShapes()
        {
            var shapes = new Dictionary<string, List<Shape>>(StringComparer.OrdinalIgnoreCase);
            foreach (var operation in ServiceModel.Operations)
            {
                foreach (var member in operation.Input.Members)
                {
                    if (member.Location != MemberLocation.Uri)
                    {
                        continue;
                    }

                    if (!shapes.TryGetValue(member.LocationName, out var list))
                    {
                        shapes[member.LocationName] = list = new List<Shape>();
                    }

                    if (!list.Contains(member.Shape))
                    {
                        list.Add(member.Shape);
                    }
                }
            }

            return shapes;
        }

        /// <summary>An id checked as <see cref="Id"/> when given; null when only what applies to every item is checked (a Set-* cmdlet's changes, once).</summary>
        public ParameterCheck IdIfGiven(string parameter, string memberPath, string? value) =>
            value is null ? this : Id(parameter, memberPath, value);

        /// <summary>
        /// A value the API cannot clear: '' is refused as "-Parameter cannot be cleared: <paramref name="whyNot"/>"
        /// (say why, and what to do instead); any other value is checked as <see cref="Given"/>.
        /// </summary>
        public ParameterCheck NotClearable(string parameter, string memberPath, string? value, string whyNot) =>
            value is { Length: 0 }
                ? Rule(true, parameter, "cannotClear", $"-{parameter} cannot be cleared: {whyNot}")
                : Given(parameter, memberPath, value);

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

        /// <summary>
        /// Throws when any check failed; nothing has been sent. A model constraint is a
        /// <see cref="RequestValidationException"/> (ErrorId InvalidRequest), a rule of the parameters
        /// alone a <see cref="ParameterRuleException"/> (ErrorId InvalidArgument), as they always were.
        /// </summary>
        public void ThrowIfInvalid()
        {
            if (_problems.Exists(p => p.MemberPath.Length > 0))
            {
                throw new RequestValidationException(_operation.Name, _problems.ToArray());
            }

            if (_problems.Count > 0)
            {
                throw new ParameterRuleException(_operation.Name, _problems.ToArray());
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
