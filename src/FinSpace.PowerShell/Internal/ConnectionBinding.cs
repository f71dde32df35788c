using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// Turns PowerShell's view of a command line into <see cref="ConnectionParameters"/> through the
    /// one mapping in <see cref="ConnectionParameterMap"/>: a cmdlet's bound parameters (into which
    /// PowerShell has already put what $PSDefaultParameterValues gives), or, for a completer, the
    /// parameters typed so far over what $PSDefaultParameterValues will give when the line runs.
    /// </summary>
    internal static class ConnectionBinding
    {
        public static ConnectionParameters FromBound(IDictionary bound) => ConnectionParameterMap.From(Unwrapped(bound), KeyPair);

        public static ConnectionParameters ForCompletion(string commandName, IDictionary typed, IDictionary? defaults)
        {
            var merged = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            if (defaults is not null && !string.IsNullOrEmpty(commandName))
            {
                foreach (var pair in ConnectionParameterMap.Defaults(Entries(defaults), commandName, IsMatch, LanguagePrimitives.IsTrue))
                {
                    merged[pair.Key] = pair.Value;
                }
            }

            foreach (DictionaryEntry entry in Unwrapped(typed))
            {
                merged[entry.Key] = entry.Value;
            }

            return ConnectionParameterMap.From(merged, KeyPair);
        }

        private static KeyValuePair<string, string>? KeyPair(object value) =>
            value is PSCredential pair ? new KeyValuePair<string, string>(pair.UserName, pair.GetNetworkCredential().Password) : (KeyValuePair<string, string>?)null;

        private static bool IsMatch(string pattern, string text) => WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(text);

        /// <summary>The connection parameters among <paramref name="values"/>, unwrapped for the engine; the rest (ids, piped objects) untouched.</summary>
        private static Hashtable Unwrapped(IDictionary values)
        {
            var unwrapped = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in values)
            {
                if (entry.Key is string key && ConnectionParameterMap.NameOf(key) is { } name)
                {
                    unwrapped[name] = PSValues.Unwrap(entry.Value);
                }
            }

            return unwrapped;
        }

        // A script block value is computed by PowerShell at binding time, with the binding as its
        // argument; a completer cannot reproduce that, so such defaults are left out.
        private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary defaults)
        {
            foreach (DictionaryEntry entry in defaults)
            {
                var value = PSValues.Unwrap(entry.Value);
                if (entry.Key is string key && value is not ScriptBlock)
                {
                    yield return new KeyValuePair<string, object?>(key, value);
                }
            }
        }
    }
}
