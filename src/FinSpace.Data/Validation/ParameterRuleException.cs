using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Data.Validation
{
    /// <summary>
    /// Parameters broke a rule of their own — one that ties two together, or asks to clear what cannot
    /// be cleared — rather than a constraint of the service model (that is
    /// <see cref="RequestValidationException"/>). Thrown before anything is sent. An ArgumentException,
    /// so it keeps the InvalidArgument ErrorId these errors always had.
    /// </summary>
    public sealed class ParameterRuleException : ArgumentException
    {
        public ParameterRuleException(string operation, IReadOnlyList<ValidationProblem> problems)
            : base(BuildMessage(problems), problems.Count > 0 ? problems[0].Parameter : null)
        {
            Operation = operation;
            Problems = problems;
        }

        /// <summary>The operation the parameters were for.</summary>
        public string Operation { get; }

        /// <summary>Every broken rule, each naming its parameter.</summary>
        public IReadOnlyList<ValidationProblem> Problems { get; }

        /// <summary>The message without ArgumentException's "(Parameter '...')" suffix.</summary>
        public override string Message => BuildMessage(Problems);

        private static string BuildMessage(IReadOnlyList<ValidationProblem> problems) =>
            string.Join(" ", problems.Select(p => p.Message)) + " Nothing was sent.";
    }
}
