using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Data.Validation
{
    /// <summary>
    /// A request broke the service model's constraints, or the parameters it was built from broke a
    /// rule of their own. Thrown before anything is sent, so nothing changed on the service.
    /// </summary>
    public sealed class RequestValidationException : ArgumentException
    {
        public RequestValidationException(string operation, IReadOnlyList<ValidationProblem> problems)
            : base(BuildMessage(operation, problems), problems.Count > 0 ? problems[0].Parameter ?? problems[0].MemberPath : null)
        {
            Operation = operation;
            Problems = problems;
        }

        /// <summary>The operation whose request was rejected.</summary>
        public string Operation { get; }

        /// <summary>Every broken constraint, in member order.</summary>
        public IReadOnlyList<ValidationProblem> Problems { get; }

        /// <summary>The message without ArgumentException's "(Parameter '...')" suffix.</summary>
        public override string Message => BuildMessage(Operation, Problems);

        // A person who typed parameters is told about the parameters; a caller who built a request
        // object is told which request.
        private static string BuildMessage(string operation, IReadOnlyList<ValidationProblem> problems) =>
            problems.All(p => p.Parameter is not null)
                ? string.Join(" ", problems.Select(p => p.Message)) + $" Nothing was sent ({operation})."
                : $"The {operation} request is not valid: " + string.Join(" ", problems.Select(p => p.Message));
    }
}
