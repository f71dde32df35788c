namespace FinSpace.Data.Validation
{
    /// <summary>One broken constraint: which member (as a path of wire names) and which rule.</summary>
    public sealed class ValidationProblem
    {
        public ValidationProblem(string memberPath, string rule, string message)
        {
            MemberPath = memberPath;
            Rule = rule;
            Message = message;
        }

        /// <summary>The member, e.g. <c>schemaDefinition.tabularSchemaConfig.columns[0].columnName</c>.</summary>
        public string MemberPath { get; }

        /// <summary>The rule's name: required, minLength, maxLength, pattern, enum, min, max.</summary>
        public string Rule { get; }

        /// <summary>A sentence naming the member and the rule; never contains a sensitive value.</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }
}
