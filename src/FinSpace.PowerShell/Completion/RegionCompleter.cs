using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes -Region with the region names the SDK knows.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            RegionNames.Matching((wordToComplete ?? string.Empty).Trim('\'', '"'))
                .Select(r => new CompletionResult(r.Key, r.Key, CompletionResultType.ParameterValue, r.Value))
                .ToList();
    }
}
