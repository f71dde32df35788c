using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>
    /// Completes -ProfileName with the profiles of the shared credentials and config files, or of
    /// the file -ProfileLocation names (typed, or from $PSDefaultParameterValues).
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var location = CompletionSession.Connection(commandName, fakeBoundParameters).ProfileLocation;
            return ProfileNames.Matching((wordToComplete ?? string.Empty).Trim('\'', '"'), location)
                .Select(name => new CompletionResult(CompletionText.Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
    }
}
