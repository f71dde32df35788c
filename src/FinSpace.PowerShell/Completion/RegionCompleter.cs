using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Amazon;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes -Region with the region names the SDK knows.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return RegionEndpoint.EnumerableAllRegions
                .Where(r => r.SystemName.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.SystemName, System.StringComparer.Ordinal)
                .Select(r => new CompletionResult(r.SystemName, r.SystemName, CompletionResultType.ParameterValue, r.DisplayName))
                .ToList();
        }
    }
}
