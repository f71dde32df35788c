using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace FinSpace.Management
{
    /// <summary>
    /// Credentials held by an object from another load context or another AWSSDK.Core (AWS.Tools'
    /// AWSCredentials, Amazon.SecurityToken.Model.Credentials, …), which our AWSSDK.Core cannot use
    /// as its own type. Its <c>GetCredentials()</c> is called by reflection on every request, so a
    /// refreshing source (an assumed role, SSO, instance credentials) keeps refreshing by its own
    /// rules. The keys are never kept here.
    /// </summary>
    public sealed class ForeignAWSCredentials : AWSCredentials
    {
        private readonly object _source;
        private readonly MethodInfo _getCredentials;

        private ForeignAWSCredentials(object source, MethodInfo getCredentials)
        {
            _source = source;
            _getCredentials = getCredentials;
        }

        /// <summary>The foreign object, for telling one source from another (never for its keys).</summary>
        public object Source => _source;

        /// <summary>The foreign type's full name, for descriptions.</summary>
        public string SourceTypeName => _source.GetType().FullName ?? _source.GetType().Name;

        /// <summary>A wrapper over <paramref name="source"/> when it has a public parameterless GetCredentials(), else null.</summary>
        public static ForeignAWSCredentials? Over(object source)
        {
            var method = source.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            return method is null || method.ReturnType == typeof(void) ? null : new ForeignAWSCredentials(source, method);
        }

        public override ImmutableCredentials GetCredentials()
        {
            object? immutable;
            try
            {
                immutable = _getCredentials.Invoke(_source, null);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
            {
                // The foreign provider's own failure (expired SSO token, STS refused…), not ours.
                throw new FinSpaceConfigurationException(
                    "CredentialsNotAvailable",
                    $"The credentials object ({SourceTypeName}) could not produce credentials: {invocation.InnerException.Message}",
                    invocation.InnerException);
            }

            return CredentialShapes.KeysOf(immutable)
                ?? throw new FinSpaceConfigurationException(
                    "CredentialsNotAvailable",
                    $"The credentials object ({SourceTypeName}) returned no access key id and secret access key.");
        }

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.Run(GetCredentials);
    }
}
