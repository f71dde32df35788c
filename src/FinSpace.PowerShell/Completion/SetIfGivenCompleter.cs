using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using FinSpace.PowerShell.Binding;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>
    /// Tab completion for parameters validated by <see cref="ValidateSetIfGivenAttribute"/>, which
    /// PowerShell does not complete by itself as it does a ValidateSet: the values are read from the
    /// attribute on the cmdlet's own property, so the list has one source.
    /// </summary>
    public sealed class SetIfGivenCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ValuesFor(commandName, parameterName)
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }

        internal static IReadOnlyList<string> ValuesFor(string commandName, string parameterName)
        {
            var name = commandName.Substring(commandName.LastIndexOf('\\') + 1);
            foreach (var type in typeof(SetIfGivenCompleter).Assembly.GetTypes())
            {
                if (type.GetCustomAttribute<CmdletAttribute>() is not { } cmdlet
                    || !string.Equals(cmdlet.VerbName + "-" + cmdlet.NounName, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var property in type.GetProperties())
                {
                    var names = new[] { property.Name }.Concat(property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames));
                    if (names.Contains(parameterName, StringComparer.OrdinalIgnoreCase)
                        && property.GetCustomAttribute<ValidateSetIfGivenAttribute>() is { } set)
                    {
                        return set.ValidValues;
                    }
                }
            }

            return Array.Empty<string>();
        }
    }
}
