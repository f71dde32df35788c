using System;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using FinSpace.Management;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>
    /// What a completer knows of the session it completes in: the connection the command line will
    /// run with (typed parameters over $PSDefaultParameterValues, through the cmdlets' own mapping)
    /// and AWS.Tools' session defaults.
    /// </summary>
    internal static class CompletionSession
    {
        public static ConnectionParameters Connection(string commandName, IDictionary typed) =>
            ConnectionBinding.ForCompletion(commandName, typed, PSValues.BaseOf(Variable("PSDefaultParameterValues")) as IDictionary);

        public static AwsToolsDefaults? AwsTools() =>
            Runspace.DefaultRunspace is null
                ? null
                : new AwsToolsDefaults(PSValues.BaseOf(Variable("StoredAWSCredentials")), PSValues.BaseOf(Variable("StoredAWSRegion")) as string);

        // Completion runs inside a pipeline, where SessionStateProxy refuses to work ("a pipeline is
        // already running"), so a nested command in the current runspace reads the variable: as the
        // current scope sees it, else from the global scope. The fallback matters: a module's code
        // (a prompt helper, a test's completion helper) has its own, empty, $PSDefaultParameterValues,
        // while the user's defaults live in the global scope.
        private static object? Variable(string name) => Read(name, scope: null) ?? Read(name, scope: "Global");

        private static object? Read(string name, string? scope)
        {
            if (Runspace.DefaultRunspace is null)
            {
                return null;
            }

            try
            {
                using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
                shell.AddCommand("Microsoft.PowerShell.Utility\\Get-Variable")
                    .AddParameter("Name", name)
                    .AddParameter("ValueOnly")
                    .AddParameter("ErrorAction", ActionPreference.Ignore);
                if (scope is not null)
                {
                    shell.AddParameter("Scope", scope);
                }

                var values = shell.Invoke();
                var value = values.Count == 0 ? null : PSValues.BaseOf(values[0]);
                return value is ICollection { Count: 0 } ? null : value;
            }
            catch (Exception)
            {
                // A busy or closed runspace: complete as if the variable were not set.
                return null;
            }
        }
    }
}
