using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>
    /// Turns a credentials object of any origin into credentials our AWSSDK.Core signs with. The
    /// objects users hold come from AWS.Tools, whose AWSSDK.Core is another assembly (another load
    /// context on PowerShell 7, perhaps another version), so they are recognised by shape:
    /// <list type="bullet">
    /// <item>our own <see cref="AWSCredentials"/>: used as it is;</item>
    /// <item>an object with a public <c>GetCredentials()</c> (any AWSSDK.Core's AWSCredentials, including
    /// Amazon.SecurityToken.Model.Credentials): wrapped, and asked again on every request;</item>
    /// <item>an object with a <c>Credentials</c> property, public or not, and no GetCredentials()
    /// (AWS.Tools' Amazon.PowerShell.Common.AWSPSCredentials in $StoredAWSCredentials, whose property
    /// is internal; an AssumeRoleResponse): what that property holds;</item>
    /// <item>an object with AccessKeyId and SecretAccessKey (and SessionToken) string properties: those keys.</item>
    /// </list>
    /// </summary>
    public static class CredentialShapes
    {
        private const BindingFlags AnyInstance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        private static readonly ConditionalWeakTable<object, string> Identities = new ConditionalWeakTable<object, string>();

        /// <summary>The credentials in <paramref name="value"/>, or null when it has none of the shapes above.</summary>
        public static AdoptedCredentials? Adopt(object? value) => Adopt(value, depth: 0);

        /// <summary>An ImmutableCredentials-shaped object (AccessKey, SecretKey, Token) of any AWSSDK.Core as ours, or null.</summary>
        public static ImmutableCredentials? KeysOf(object? immutable)
        {
            if (immutable is null)
            {
                return null;
            }

            if (immutable is ImmutableCredentials ours)
            {
                return ours;
            }

            var type = immutable.GetType();
            var accessKey = type.GetProperty("AccessKey")?.GetValue(immutable) as string;
            var secretKey = type.GetProperty("SecretKey")?.GetValue(immutable) as string;
            var token = type.GetProperty("Token")?.GetValue(immutable) as string;
            return string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey)
                ? null
                : new ImmutableCredentials(accessKey, secretKey, string.IsNullOrEmpty(token) ? null : token);
        }

        private static AdoptedCredentials? Adopt(object? value, int depth)
        {
            if (value is null || depth > 3)
            {
                return null;
            }

            var typeName = value.GetType().FullName ?? value.GetType().Name;
            if (value is AWSCredentials ours)
            {
                return new AdoptedCredentials(ours, typeName, "object:" + IdentityOf(value));
            }

            if (ForeignAWSCredentials.Over(value) is { } foreign)
            {
                return new AdoptedCredentials(foreign, typeName, "object:" + IdentityOf(value));
            }

            if (value is System.Collections.IDictionary dictionary)
            {
                return StaticKeys(dictionary["AccessKeyId"] as string, dictionary["SecretAccessKey"] as string, dictionary["SessionToken"] as string, typeName);
            }

            var type = value.GetType();
            if (type.GetProperty("Credentials", AnyInstance) is { } inner && inner.GetIndexParameters().Length == 0 && inner.PropertyType != typeof(string))
            {
                return Adopt(inner.GetValue(value), depth + 1) is { } held
                    ? new AdoptedCredentials(held.Credentials, $"{typeName} holding {held.TypeName}", held.Identity)
                    : null;
            }

            return StaticKeys(
                type.GetProperty("AccessKeyId")?.GetValue(value) as string,
                type.GetProperty("SecretAccessKey")?.GetValue(value) as string,
                type.GetProperty("SessionToken")?.GetValue(value) as string,
                typeName);
        }

        private static AdoptedCredentials? StaticKeys(string? accessKey, string? secretKey, string? token, string typeName)
        {
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                return null;
            }

            AWSCredentials keys = string.IsNullOrEmpty(token)
                ? new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, token);
            return new AdoptedCredentials(keys, typeName, "keys:" + KeyHash.Of(accessKey!, secretKey!, token));
        }

        // One id per live object: the cache keeps one client per credentials object, and a
        // refreshing object keeps its client for as long as it lives.
        private static string IdentityOf(object value) => Identities.GetValue(value, _ => Guid.NewGuid().ToString("N"));
    }
}
