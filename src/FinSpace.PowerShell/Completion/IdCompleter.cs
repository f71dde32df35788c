using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FinSpace.Management;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>
    /// Completes an id by asking the service (bounded in time, cached briefly, across pages), using
    /// the connection the command line will run with: the parameters already typed,
    /// $PSDefaultParameterValues, then the session default.
    /// </summary>
    /// <remarks>
    /// The kind is a property, never a field: PowerShell loads the module's types before the
    /// dependency resolver exists, and a field of the core's enum type would load the core then.
    /// </remarks>
    public abstract class IdCompleter : IArgumentCompleter
    {
        protected abstract IdKind Kind { get; }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                var connection = ConnectionResolver.Resolve(CompletionSession.Connection(commandName, fakeBoundParameters), SessionStore.Current, CompletionSession.AwsTools());
                var services = ClientCache.Shared.GetServices(connection);
                var parent = fakeBoundParameters.Contains("DatasetId") ? FirstText(fakeBoundParameters["DatasetId"]) : null;
                return IdCompletion.Shared.Complete(services, Kind, parent, prefix)
                    .Select(s => new CompletionResult(CompletionText.Quote(s.Id), s.Id, CompletionResultType.ParameterValue, string.IsNullOrEmpty(s.Label) ? s.Id : s.Label))
                    .ToList();
            }
            catch (Exception)
            {
                // No connection could be resolved: offer nothing rather than an error at the prompt.
                return Array.Empty<CompletionResult>();
            }
        }

        private static string? FirstText(object? value) => PSValues.Unwrap(value) switch
        {
            string text => text,
            IEnumerable many => many.Cast<object?>().FirstOrDefault()?.ToString(),
            var other => other?.ToString(),
        };
    }
}
