using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using FinSpace.Management;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>
    /// Completes an id by asking the service (short timeout, brief cache, one page), using the
    /// connection parameters already typed on the command line and the session default.
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
                var connection = ConnectionResolver.Resolve(Given(fakeBoundParameters), SessionStore.Current, AwsTools());
                var services = ClientCache.Shared.GetServices(connection);
                var parent = Text(fakeBoundParameters, "DatasetId");
                return IdCompletion.Shared.Complete(services, Kind, parent, prefix)
                    .Select(s => new CompletionResult(Quote(s.Id), s.Id, CompletionResultType.ParameterValue, string.IsNullOrEmpty(s.Label) ? s.Id : s.Label))
                    .ToList();
            }
            catch (Exception)
            {
                // No connection could be resolved: offer nothing rather than an error at the prompt.
                return Array.Empty<CompletionResult>();
            }
        }

        private static ConnectionParameters Given(IDictionary bound) => new ConnectionParameters
        {
            CredentialAccessKey = CredentialOf(bound)?.UserName,
            CredentialSecretKey = CredentialOf(bound)?.GetNetworkCredential().Password,
            ProfileName = Text(bound, "ProfileName"),
            ProfileLocation = Text(bound, "ProfileLocation"),
            Region = Text(bound, "Region"),
            AccessKey = Text(bound, "AccessKey"),
            SecretKey = Text(bound, "SecretKey"),
            SessionToken = Text(bound, "SessionToken"),
            EndpointUrl = Text(bound, "EndpointUrl"),
        };

        private static PSCredential? CredentialOf(IDictionary bound) =>
            bound.Contains("Credential") ? PSValues.BaseOf(bound["Credential"]) as PSCredential : null;

        private static AwsToolsDefaults? AwsTools()
        {
            try
            {
                var proxy = Runspace.DefaultRunspace?.SessionStateProxy;
                return proxy is null ? null : new AwsToolsDefaults(proxy.GetVariable("StoredAWSCredentials"), proxy.GetVariable("StoredAWSRegion") as string);
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static string? Text(IDictionary bound, string name)
        {
            if (!bound.Contains(name))
            {
                return null;
            }

            var value = PSValues.BaseOf(bound[name]);
            return value switch
            {
                string s => s,
                IEnumerable many => many.Cast<object>().FirstOrDefault()?.ToString(),
                _ => value?.ToString(),
            };
        }

        private static string Quote(string id) =>
            id.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#' }) >= 0 ? "'" + id.Replace("'", "''") + "'" : id;
    }
}
