using System;
using System.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using FinSpace.Data;

namespace FinSpace.Management
{
    /// <summary>
    /// Decides credentials, region and endpoint in the order AWS Tools for PowerShell (version 5)
    /// users know (docs/design/connection-resolution.md lists each difference):
    /// credentials from explicit keys → -Credential → -ProfileName/-ProfileLocation → our session
    /// default → AWS.Tools' session default ($StoredAWSCredentials) → the SDK's default chain;
    /// region from -Region → the profile's region → our session default → $StoredAWSRegion →
    /// environment / default profile → (custom endpoint: us-east-1) → instance metadata;
    /// endpoint from -EndpointUrl → our session default → what AWSSDK.Core configures
    /// (AWS_ENDPOINT_URL_FINSPACE_DATA, AWS_ENDPOINT_URL, the profile's services section and endpoint_url).
    /// </summary>
    public static class ConnectionResolver
    {
        /// <summary>The region that signs requests to a custom endpoint when nothing names one (the emulator accepts any).</summary>
        public static readonly RegionEndpoint CustomEndpointRegion = RegionEndpoint.USEast1;

        /// <summary>The profile -ProfileLocation alone means, as in AWS.Tools.</summary>
        public const string DefaultProfileName = "default";

        public static ResolvedConnection Resolve(ConnectionParameters given, SessionDefaults? session = null, AwsToolsDefaults? awsTools = null)
        {
            CredentialProfile? profile = null;
            var (credentials, credentialSource, credentialKey) = ResolveCredentials(given, session, awsTools, ref profile);
            if (profile is null && (!string.IsNullOrEmpty(given.ProfileName) || !string.IsNullOrEmpty(given.ProfileLocation)))
            {
                // Credentials came first from keys or -Credential; the named profile still gives its region and endpoint, as in AWS.Tools.
                Chain(given.ProfileLocation).TryGetProfile(ProfileNameOf(given), out profile);
            }

            var profileRef = profile is null ? null : new ProfileReference(profile.Name, given.ProfileLocation);
            var (endpoint, endpointSource) = ResolveEndpoint(given.EndpointUrl, session, profileRef);
            var (region, regionSource) = ResolveRegion(given, profile, session, awsTools, endpoint);
            // Retry settings: the command's, else the session default's; each distinct setting is its own client.
            var maxAttempts = given.MaxAttempts ?? session?.MaxAttempts;
            var maxRetryDelay = given.MaxRetryDelay ?? session?.MaxRetryDelay;
            var cacheKey = $"{endpoint ?? "-"}|{region.SystemName}|{credentialKey}|{maxAttempts}|{maxRetryDelay?.Ticks}";
            return new ResolvedConnection(credentials, credentialSource, region, regionSource, endpoint, cacheKey)
            {
                MaxAttempts = maxAttempts,
                MaxRetryDelay = maxRetryDelay,
                EndpointSource = endpointSource,
                Profile = profileRef,
                SessionId = credentialKey.StartsWith(SessionKeyPrefix, StringComparison.Ordinal) ? session?.Id : null,
            };
        }

        internal const string SessionKeyPrefix = "session:";

        private static (AWSCredentials? Credentials, string Source, string Key) ResolveCredentials(
            ConnectionParameters given, SessionDefaults? session, AwsToolsDefaults? awsTools, ref CredentialProfile? profile)
        {
            if (given.HasExplicitKeys)
            {
                if (string.IsNullOrEmpty(given.AccessKey) || string.IsNullOrEmpty(given.SecretKey))
                {
                    throw new FinSpaceConfigurationException("IncompleteCredentials", "-AccessKey and -SecretKey must be given together (with -SessionToken for temporary credentials).");
                }

                return (Keys(given.AccessKey!, given.SecretKey!, given.SessionToken), $"explicit keys ({Mask(given.AccessKey!)})", "keys:" + KeyHash.Of(given.AccessKey!, given.SecretKey!, given.SessionToken));
            }

            if (given.HasCredential)
            {
                if (string.IsNullOrEmpty(given.CredentialAccessKey) || string.IsNullOrEmpty(given.CredentialSecretKey))
                {
                    throw new FinSpaceConfigurationException("IncompleteCredentials", "-Credential needs the access key id as the user name and the secret access key as the password.");
                }

                return (Keys(given.CredentialAccessKey!, given.CredentialSecretKey!, null), $"-Credential ({Mask(given.CredentialAccessKey!)})", "keys:" + KeyHash.Of(given.CredentialAccessKey!, given.CredentialSecretKey!, null));
            }

            if (given.CredentialObject is { } credentialObject)
            {
                var adopted = CredentialShapes.Adopt(credentialObject)
                    ?? throw new FinSpaceConfigurationException("UnsupportedCredential", UnsupportedCredentialMessage(credentialObject));
                return (adopted.Credentials, $"-Credential ({adopted.TypeName})", adopted.Identity);
            }

            if (!string.IsNullOrEmpty(given.ProfileName) || !string.IsNullOrEmpty(given.ProfileLocation))
            {
                var name = ProfileNameOf(given);
                var chain = Chain(given.ProfileLocation);
                if (!chain.TryGetProfile(name, out profile))
                {
                    var where = string.IsNullOrEmpty(given.ProfileLocation) ? "the shared credentials and config files" : given.ProfileLocation;
                    throw new FinSpaceConfigurationException("ProfileNotFound", $"The profile '{name}' was not found in {where}.");
                }

                if (!chain.TryGetAWSCredentials(name, out var profileCredentials))
                {
                    throw new FinSpaceConfigurationException("CredentialsNotFound", $"The profile '{name}' holds no usable credentials.");
                }

                // Keyed on the files' content: a rewritten file is read by the next call.
                return (profileCredentials, $"profile '{name}'{Kind(profile)}", $"profile:{name}@{given.ProfileLocation}#{ProfileFiles.Stamp(given.ProfileLocation)}");
            }

            if (session?.Credentials is { } sessionCredentials)
            {
                return (sessionCredentials, "session default: " + session.CredentialSource, SessionKeyPrefix + session.Id);
            }

            if (CredentialShapes.Adopt(awsTools?.StoredCredentials) is { } stored)
            {
                return (stored.Credentials, $"AWS.Tools session credentials ({stored.TypeName})", stored.Identity);
            }

            // The chain reads the environment and the shared files when the client is built: keyed on
            // both, so a changed key or rewritten file gives the next call a new client.
            var environmentKeys = KeyHash.Of(
                Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? string.Empty,
                Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? string.Empty,
                (Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") ?? string.Empty) + "\n" + Environment.GetEnvironmentVariable("AWS_PROFILE"));
            return (null, "the SDK default chain (environment, default profile, container or instance)", $"default-chain#{environmentKeys}#{ProfileFiles.Stamp(null)}");
        }

        private static string ProfileNameOf(ConnectionParameters given) =>
            string.IsNullOrEmpty(given.ProfileName) ? DefaultProfileName : given.ProfileName!;

        /// <summary>The profile stores read for <paramref name="location"/> (null: the shared files, and on Windows the SDK store).</summary>
        internal static CredentialProfileStoreChain Chain(string? location) =>
            string.IsNullOrEmpty(location) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(location);

        private static string Kind(CredentialProfile profile)
        {
            var options = profile.Options;
            return !string.IsNullOrEmpty(options.RoleArn) && !string.IsNullOrEmpty(options.WebIdentityTokenFile) ? ", web identity role"
                : !string.IsNullOrEmpty(options.RoleArn) ? ", assumed role"
                : !string.IsNullOrEmpty(options.SsoSession) || !string.IsNullOrEmpty(options.SsoStartUrl) ? ", SSO"
                : !string.IsNullOrEmpty(options.CredentialProcess) ? ", credential process"
                : string.Empty;
        }

        private static string UnsupportedCredentialMessage(object value) =>
            $"-Credential accepts a PSCredential (access key id as the user name, secret access key as the password), an AWSCredentials object from any AWS SDK for .NET, " +
            $"AWS.Tools' stored credentials, or an object with AccessKeyId and SecretAccessKey properties (such as (Use-STSRole …).Credentials); a {value.GetType().FullName} is none of these.";

        private static (RegionEndpoint Region, string Source) ResolveRegion(
            ConnectionParameters given, CredentialProfile? profile, SessionDefaults? session, AwsToolsDefaults? awsTools, string? endpoint)
        {
            if (!string.IsNullOrWhiteSpace(given.Region))
            {
                return (RegionNamed(given.Region!, "-Region", endpoint), "-Region");
            }

            if (profile?.Region is { } profileRegion)
            {
                return (profileRegion, $"profile '{profile.Name}'");
            }

            if (!string.IsNullOrWhiteSpace(session?.Region))
            {
                return (RegionNamed(session!.Region!, "the session default region", endpoint), "session default");
            }

            if (awsTools?.StoredRegion is { } storedRegion)
            {
                return (RegionNamed(storedRegion, "AWS.Tools' default region", endpoint), "AWS.Tools default region");
            }

            // Environment and default profile first; instance metadata only when there is no custom
            // endpoint to fall back on, because off EC2 that lookup waits for a timeout.
            if (FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false) is { } configured)
            {
                return (configured, "environment or default profile");
            }

            if (endpoint is not null)
            {
                return (CustomEndpointRegion, "default for a custom endpoint");
            }

            if (FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: true) is { } instance)
            {
                return (instance, "instance metadata");
            }

            throw new FinSpaceConfigurationException(
                "RegionNotFound",
                "No AWS region is set. Pass -Region, run Connect-FSEnvironment -Region, set AWS_REGION, or give the profile a region.");
        }

        private static readonly System.Text.RegularExpressions.Regex RegionPattern =
            new System.Text.RegularExpressions.Regex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// The region a name means, checked before anything is sent: it must look like an AWS region
        /// (us-east-1, us-gov-west-1); without a custom endpoint it must also be one AWSSDK.Core knows,
        /// because only then is there a regional endpoint to call. A custom endpoint (the emulator) signs
        /// for any well-formed name.
        /// </summary>
        internal static RegionEndpoint RegionNamed(string name, string source, string? endpoint)
        {
            var trimmed = name.Trim();
            if (!RegionPattern.IsMatch(trimmed))
            {
                throw new FinSpaceConfigurationException("InvalidRegion",
                    $"{source} '{name}' is not an AWS region name: expected lowercase words and a number joined by hyphens, such as us-east-1 or eu-west-2.");
            }

            var known = RegionEndpoint.EnumerableAllRegions.FirstOrDefault(r => string.Equals(r.SystemName, trimmed, StringComparison.Ordinal));
            if (known is null && endpoint is null)
            {
                throw new FinSpaceConfigurationException("InvalidRegion",
                    $"{source} '{name}' is not a region this module's AWS SDK knows, so it has no FinSpace endpoint. Check the spelling (Get-Help about_FinSpace lists how a region is chosen), or give -EndpointUrl to call an endpoint in it.");
            }

            return known ?? RegionEndpoint.GetBySystemName(trimmed);
        }

        private static (string? Endpoint, string Source) ResolveEndpoint(string? given, SessionDefaults? session, ProfileReference? profile)
        {
            if (!string.IsNullOrWhiteSpace(given))
            {
                return (Normalize(given!, "-EndpointUrl"), "-EndpointUrl");
            }

            if (!string.IsNullOrWhiteSpace(session?.EndpointUrl))
            {
                return (Normalize(session!.EndpointUrl!, "-EndpointUrl"), "session default");
            }

            // What AWSSDK.Core itself would configure for this service and profile.
            var config = new FinSpaceDataConfig();
            if (profile is not null)
            {
                config.Profile = new Profile(profile.Name, profile.Location);
            }

            var configured = config.ServiceURL;
            if (string.IsNullOrWhiteSpace(configured))
            {
                return (null, "the regional endpoint");
            }

            var source = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_FINSPACE_DATA") is { Length: > 0 } ? "AWS_ENDPOINT_URL_FINSPACE_DATA"
                : Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 } ? "AWS_ENDPOINT_URL"
                : profile is not null ? $"profile '{profile.Name}' (services section or endpoint_url)"
                : "the default profile (services section or endpoint_url)";
            return (Normalize(configured!, source), source);
        }

        private static string Normalize(string endpoint, string source)
        {
            if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new FinSpaceConfigurationException("InvalidEndpoint", $"{source} must be an absolute http or https URL; '{endpoint}' is not.");
            }

            return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        private static AWSCredentials Keys(string accessKey, string secretKey, string? sessionToken) =>
            string.IsNullOrEmpty(sessionToken)
                ? new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, sessionToken);

        /// <summary>An access key id shown as its first and last four characters, e.g. AKIA…0001.</summary>
        public static string Mask(string accessKey) =>
            accessKey.Length <= 8 ? new string('*', accessKey.Length) : accessKey.Substring(0, 4) + "…" + accessKey.Substring(accessKey.Length - 4);
    }
}
