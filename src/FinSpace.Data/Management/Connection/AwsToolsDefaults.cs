using System;
using System.Reflection;

namespace FinSpace.Management
{
    /// <summary>
    /// The session defaults AWS Tools for PowerShell keeps in $StoredAWSCredentials and $StoredAWSRegion
    /// (Set-AWSCredential, Set-DefaultAWSRegion). Its credentials object comes from its own AWSSDK.Core,
    /// which is not ours, so it is read by reflection: GetCredentials() → AccessKey/SecretKey/Token.
    /// </summary>
    public sealed class AwsToolsDefaults
    {
        public AwsToolsDefaults(object? storedCredentials, string? storedRegion)
        {
            StoredCredentials = storedCredentials;
            StoredRegion = string.IsNullOrWhiteSpace(storedRegion) ? null : storedRegion;
        }

        public object? StoredCredentials { get; }
        public string? StoredRegion { get; }

        /// <summary>The key triple inside an AWSCredentials object from any AWSSDK.Core version, or null.</summary>
        public static (string AccessKey, string SecretKey, string? Token)? ReadCredentials(object? credentials)
        {
            if (credentials is null)
            {
                return null;
            }

            var getCredentials = credentials.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            var immutable = getCredentials?.Invoke(credentials, null);
            if (immutable is null)
            {
                return null;
            }

            var type = immutable.GetType();
            var accessKey = type.GetProperty("AccessKey")?.GetValue(immutable) as string;
            var secretKey = type.GetProperty("SecretKey")?.GetValue(immutable) as string;
            var token = type.GetProperty("Token")?.GetValue(immutable) as string;
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                return null;
            }

            return (accessKey!, secretKey!, string.IsNullOrEmpty(token) ? null : token);
        }
    }
}
