using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Management
{
    /// <summary>
    /// The one mapping of the connection parameters every cmdlet takes (names, the aliases AWS.Tools
    /// users know, and which <see cref="ConnectionParameters"/> member each fills), shared by the
    /// cmdlets and the completers, and the rules by which <c>$PSDefaultParameterValues</c> gives them
    /// a value, so a completer sees the connection the command line will run with.
    /// </summary>
    /// <remarks>
    /// A metadata test pins the cmdlets' declared connection parameters and aliases to <see cref="All"/>.
    /// PowerShell itself stays out: the caller unwraps values and says what a key pair is and how a
    /// wildcard matches.
    /// </remarks>
    public static class ConnectionParameterMap
    {
        public const string ProfileName = "ProfileName";
        public const string ProfileLocation = "ProfileLocation";
        public const string Region = "Region";
        public const string AccessKey = "AccessKey";
        public const string SecretKey = "SecretKey";
        public const string SessionToken = "SessionToken";
        public const string Credential = "Credential";
        public const string EndpointUrl = "EndpointUrl";

        /// <summary>Each connection parameter with its aliases, as the cmdlets declare them.</summary>
        public static IReadOnlyList<ConnectionParameterName> All { get; } = new[]
        {
            new ConnectionParameterName(ProfileName, "AWSProfileName", "StoredCredentials"),
            new ConnectionParameterName(ProfileLocation, "AWSProfilesLocation", "ProfilesLocation"),
            new ConnectionParameterName(Region, "RegionToCall"),
            new ConnectionParameterName(AccessKey, "AK"),
            new ConnectionParameterName(SecretKey, "SK", "SecretAccessKey"),
            new ConnectionParameterName(SessionToken, "ST"),
            new ConnectionParameterName(Credential),
            new ConnectionParameterName(EndpointUrl, "ServiceUrl"),
        };

        /// <summary>
        /// The connection given by <paramref name="values"/>, keyed by parameter name or alias (case
        /// does not matter; other keys are ignored): a cmdlet's bound parameters, or a completer's merge of the
        /// parameters typed and the defaults. <paramref name="keyPair"/> says whether a -Credential
        /// value is an access key id / secret key pair (PowerShell's PSCredential); anything else is a
        /// credentials object for <see cref="CredentialShapes"/>.
        /// </summary>
        public static ConnectionParameters From(IDictionary values, Func<object, KeyValuePair<string, string>?> keyPair)
        {
            var lookup = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in values)
            {
                if (entry.Key is string key && NameOf(key) is { } name)
                {
                    lookup[name] = entry.Value;
                }
            }

            var credential = Value(lookup, Credential);
            var pair = credential is null ? null : keyPair(credential);
            return new ConnectionParameters
            {
                ProfileName = Text(lookup, ProfileName),
                ProfileLocation = Text(lookup, ProfileLocation),
                Region = Text(lookup, Region),
                AccessKey = Text(lookup, AccessKey),
                SecretKey = Text(lookup, SecretKey),
                SessionToken = Text(lookup, SessionToken),
                CredentialAccessKey = pair?.Key,
                CredentialSecretKey = pair?.Value,
                CredentialObject = pair is null ? credential : null,
                EndpointUrl = Text(lookup, EndpointUrl),
            };
        }

        /// <summary>
        /// The connection parameters <c>$PSDefaultParameterValues</c> gives the command
        /// <paramref name="commandName"/>, by parameter name, as PowerShell binds them: a key is
        /// <c>Command:Parameter</c>; the command part may hold wildcards (<paramref name="isMatch"/>
        /// decides, as PowerShell's WildcardPattern does), the parameter part a name, an alias, or a
        /// wildcard pattern that must match exactly one of them; two matching keys that give one
        /// parameter different values give it none; a true <c>Disabled</c> key turns every default off.
        /// </summary>
        /// <param name="entries">The dictionary's entries, values already unwrapped; values PowerShell would compute (script blocks) left out by the caller.</param>
        /// <param name="commandName">The command the defaults are for.</param>
        /// <param name="isMatch">Whether a wildcard pattern (first argument) matches a name, as PowerShell's WildcardPattern does, ignoring case.</param>
        /// <param name="isTrue">Whether a value is true as PowerShell reads it (for the Disabled key).</param>
        public static IDictionary<string, object> Defaults(IEnumerable<KeyValuePair<string, object?>> entries, string commandName, Func<string, string, bool> isMatch, Func<object?, bool> isTrue)
        {
            var given = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            var conflicting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                var key = entry.Key?.Trim() ?? string.Empty;
                if (key.Equals("Disabled", StringComparison.OrdinalIgnoreCase))
                {
                    if (isTrue(entry.Value))
                    {
                        return new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                    }

                    continue;
                }

                if (entry.Value is null || !TrySplit(key, out var command, out var parameter))
                {
                    continue;
                }

                var commandMatches = HasWildcard(command) ? isMatch(command, commandName) : command.Equals(commandName, StringComparison.OrdinalIgnoreCase);
                if (!commandMatches || NameOf(parameter, isMatch) is not { } name)
                {
                    continue;
                }

                if (!given.TryGetValue(name, out var earlier))
                {
                    given[name] = entry.Value;
                }
                else if (!earlier.Equals(entry.Value))
                {
                    conflicting.Add(name);
                }
            }

            foreach (var name in conflicting)
            {
                given.Remove(name);
            }

            return given;
        }

        /// <summary>The connection parameter a name or alias means (case does not matter), or null.</summary>
        public static string? NameOf(string nameOrAlias) => All.FirstOrDefault(p => p.Matches(nameOrAlias))?.Name;

        /// <summary>The canonical name a key's parameter part means, or null (no connection parameter, or several).</summary>
        private static string? NameOf(string parameter, Func<string, string, bool> isMatch)
        {
            if (!HasWildcard(parameter))
            {
                return NameOf(parameter);
            }

            var matched = All.Where(p => p.Names.Any(n => isMatch(parameter, n))).Take(2).ToList();
            return matched.Count == 1 ? matched[0].Name : null;
        }

        private static bool TrySplit(string key, out string command, out string parameter)
        {
            var colon = key.IndexOf(':');
            command = colon > 0 ? key.Substring(0, colon).Trim() : string.Empty;
            parameter = colon > 0 ? key.Substring(colon + 1).Trim() : string.Empty;
            return command.Length > 0 && parameter.Length > 0 && parameter.IndexOf(':') < 0;
        }

        private static bool HasWildcard(string text) => text.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

        private static object? Value(IDictionary<string, object?> values, string name) =>
            values.TryGetValue(name, out var value) ? value : null;

        private static string? Text(IDictionary<string, object?> values, string name) => Value(values, name) switch
        {
            null => null,
            string text => text,
            IEnumerable many => many.Cast<object?>().FirstOrDefault()?.ToString(),
            var other => other.ToString(),
        };
    }
}
