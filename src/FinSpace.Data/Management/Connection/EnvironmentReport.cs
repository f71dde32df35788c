using System.Diagnostics;
using System.Reflection;
using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>Describes a resolved connection for Get-FSEnvironment, without a request and without a secret.</summary>
    public static class EnvironmentReport
    {
        public static FinSpaceEnvironment Describe(ResolvedConnection connection, SessionDefaults? session, ClientCache cache)
        {
            var sdk = typeof(AWSCredentials).Assembly;
            return new FinSpaceEnvironment
            {
                Connected = session is not null,
                EndpointUrl = connection.EndpointUrl,
                EndpointSource = connection.EndpointSource,
                Region = connection.Region.SystemName,
                RegionSource = connection.RegionSource,
                CredentialSource = connection.CredentialSource,
                AccessKeyId = StaticAccessKey(connection.Credentials) is { } key ? ConnectionResolver.Mask(key) : null,
                EnvironmentId = connection.SessionId is not null ? session?.EnvironmentId : null,
                SdkVersion = FileVersion(sdk),
                SdkLocation = sdk.Location,
                SdkLoadContext = LoadContextOf(sdk),
                EngineLocation = typeof(EnvironmentReport).Assembly.Location,
                CachedClients = cache.Count,
                CacheCapacity = cache.Capacity,
            };
        }

        // Only keys that are already in memory: asking a role, SSO or instance provider would send a request.
        private static string? StaticAccessKey(AWSCredentials? credentials) =>
            credentials is BasicAWSCredentials or SessionAWSCredentials ? credentials.GetCredentials().AccessKey : null;

        private static string? FileVersion(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version
            ?? (string.IsNullOrEmpty(assembly.Location) ? null : FileVersionInfo.GetVersionInfo(assembly.Location).FileVersion);

        private static string LoadContextOf(Assembly assembly)
        {
#if NET
            return System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "Default";
#else
            return "Default (Windows PowerShell has no load contexts)";
#endif
        }
    }
}
