using System;
using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace FinSpace.Management
{
    /// <summary>
    /// Decides credentials, region and endpoint in the order AWS Tools for PowerShell users know:
    /// credentials from explicit keys → profile → -Credential → our session default → AWS.Tools'
    /// session default → the SDK's default chain (environment, default profile, container, instance);
    /// region from -Region → the profile's region → our session default → AWS.Tools' default region →
    /// environment / default profile → instance metadata.
    /// </summary>
    public static class ConnectionResolver
    {
        /// <summary>The region that signs requests to a custom endpoint when nothing names one (the emulator accepts any).</summary>
        public static readonly RegionEndpoint CustomEndpointRegion = RegionEndpoint.USEast1;

        public static ResolvedConnection Resolve(ConnectionParameters given, SessionDefaults? session = null, AwsToolsDefaults? awsTools = null)
        {
            CredentialProfile? profile = null;
            var (credentials, credentialSource, credentialKey) = ResolveCredentials(given, session, awsTools, ref profile);
            var endpoint = ResolveEndpoint(given.EndpointUrl ?? session?.EndpointUrl);
            var (region, regionSource) = ResolveRegion(given, profile, session, awsTools, endpoint);
            var cacheKey = $"{endpoint ?? "-"}|{region.SystemName}|{credentialKey}";
            return new ResolvedConnection(credentials, credentialSource, region, regionSource, endpoint, cacheKey);
        }

        private static (AWSCredentials? Credentials, string Source, string Key) ResolveCredentials(
            ConnectionParameters given, SessionDefaults? session, AwsToolsDefaults? awsTools, ref CredentialProfile? profile)
        {
            if (given.HasExplicitKeys)
            {
                if (string.IsNullOrEmpty(given.AccessKey) || string.IsNullOrEmpty(given.SecretKey))
                {
                    throw new FinSpaceConfigurationException("IncompleteCredentials", "-AccessKey and -SecretKey must be given together (with -SessionToken for temporary credentials).");
                }

                return (Keys(given.AccessKey!, given.SecretKey!, given.SessionToken), $"explicit keys ({Mask(given.AccessKey!)})", "keys:" + Hash(given.AccessKey!, given.SecretKey!, given.SessionToken));
            }

            if (!string.IsNullOrEmpty(given.ProfileName))
            {
                var chain = string.IsNullOrEmpty(given.ProfileLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(given.ProfileLocation);
                if (!chain.TryGetProfile(given.ProfileName, out profile))
                {
                    var where = string.IsNullOrEmpty(given.ProfileLocation) ? "the shared credentials and config files" : given.ProfileLocation;
                    throw new FinSpaceConfigurationException("ProfileNotFound", $"The profile '{given.ProfileName}' was not found in {where}.");
                }

                if (!chain.TryGetAWSCredentials(given.ProfileName, out var profileCredentials))
                {
                    throw new FinSpaceConfigurationException("CredentialsNotFound", $"The profile '{given.ProfileName}' holds no usable credentials.");
                }

                return (profileCredentials, $"profile '{given.ProfileName}'", $"profile:{given.ProfileName}@{given.ProfileLocation}");
            }

            if (given.HasCredential)
            {
                if (string.IsNullOrEmpty(given.CredentialAccessKey) || string.IsNullOrEmpty(given.CredentialSecretKey))
                {
                    throw new FinSpaceConfigurationException("IncompleteCredentials", "-Credential needs the access key id as the user name and the secret access key as the password.");
                }

                return (Keys(given.CredentialAccessKey!, given.CredentialSecretKey!, null), $"-Credential ({Mask(given.CredentialAccessKey!)})", "keys:" + Hash(given.CredentialAccessKey!, given.CredentialSecretKey!, null));
            }

            if (session?.Credentials is { } sessionCredentials)
            {
                return (sessionCredentials, "session default: " + session.CredentialSource, "session:" + session.Id);
            }

            if (AwsToolsDefaults.ReadCredentials(awsTools?.StoredCredentials) is { } stored)
            {
                return (Keys(stored.AccessKey, stored.SecretKey, stored.Token), $"AWS.Tools session credentials ({Mask(stored.AccessKey)})", "keys:" + Hash(stored.AccessKey, stored.SecretKey, stored.Token));
            }

            return (null, "the SDK default chain (environment, default profile, container or instance)", "default-chain");
        }

        private static (RegionEndpoint Region, string Source) ResolveRegion(
            ConnectionParameters given, CredentialProfile? profile, SessionDefaults? session, AwsToolsDefaults? awsTools, string? endpoint)
        {
            if (!string.IsNullOrWhiteSpace(given.Region))
            {
                return (RegionEndpoint.GetBySystemName(given.Region!.Trim()), "-Region");
            }

            if (profile?.Region is { } profileRegion)
            {
                return (profileRegion, $"profile '{profile.Name}'");
            }

            if (!string.IsNullOrWhiteSpace(session?.Region))
            {
                return (RegionEndpoint.GetBySystemName(session!.Region!.Trim()), "session default");
            }

            if (awsTools?.StoredRegion is { } storedRegion)
            {
                return (RegionEndpoint.GetBySystemName(storedRegion.Trim()), "AWS.Tools default region");
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

        private static string? ResolveEndpoint(string? endpoint)
        {
            if (string.IsNullOrWhiteSpace(endpoint))
            {
                return null;
            }

            if (!Uri.TryCreate(endpoint!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new FinSpaceConfigurationException("InvalidEndpoint", $"-EndpointUrl must be an absolute http or https URL; '{endpoint}' is not.");
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

        // The cache key must tell configurations apart without holding a secret.
        private static string Hash(string accessKey, string secretKey, string? token)
        {
            using var sha = SHA256.Create();
            var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(accessKey + "\n" + secretKey + "\n" + token));
            return BitConverter.ToString(bytes, 0, 12).Replace("-", string.Empty);
        }
    }
}
