namespace FinSpace.Data.Validation
{
    /// <summary>
    /// One broken constraint: which member (as a path of wire names), which rule, and — when the value
    /// came from a named parameter — which parameter, so the message names what the caller typed.
    /// </summary>
    public sealed class ValidationProblem
    {
        /// <summary>
        /// A problem of a member, named in the message by its wire path. The requirement is what the
        /// value must be, without subject or full stop: "must be at most 26 characters long (got 30)".
        /// </summary>
        public ValidationProblem(string memberPath, string rule, string requirement)
            : this(memberPath, rule, requirement, parameter: null)
        {
        }

        private ValidationProblem(string memberPath, string rule, string requirement, string? parameter)
        {
            MemberPath = memberPath;
            Rule = rule;
            Requirement = requirement;
            Parameter = parameter;
        }

        /// <summary>The member, e.g. <c>schemaDefinition.tabularSchemaConfig.columns[0].columnName</c>; empty for a rule between parameters.</summary>
        public string MemberPath { get; }

        /// <summary>The rule's name: required, minLength, maxLength, pattern, enum, min, max, pathSegment, or a rule between parameters.</summary>
        public string Rule { get; }

        /// <summary>What the value must be: the message without its subject.</summary>
        public string Requirement { get; }

        /// <summary>The PowerShell parameter (without the dash) the value came from, or null when it came from a request object.</summary>
        public string? Parameter { get; }

        /// <summary>
        /// A sentence naming the parameter (with the API member in parentheses) or the member, and the
        /// rule; never contains a sensitive value.
        /// </summary>
        public string Message => MemberPath.Length == 0 ? Requirement + "." : Subject + " " + Requirement + ".";

        private string Subject => Parameter is null ? $"'{MemberPath}'" : $"-{Parameter} ({MemberPath})";

        /// <summary>The same problem, named by the parameter the value came from.</summary>
        public ValidationProblem For(string parameter) => new ValidationProblem(MemberPath, Rule, Requirement, parameter);

        /// <summary>A rule of the parameters themselves (one that ties two together, or refuses a clearing): <paramref name="sentence"/> names them.</summary>
        public static ValidationProblem OfParameter(string parameter, string rule, string sentence) =>
            new ValidationProblem(string.Empty, rule, sentence, parameter);

        public override string ToString() => Message;
    }
}
