using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Tells the SDK's pipeline which auth scheme to use. The service model lists only
    /// <c>aws.auth#sigv4</c>; without this handler the v4 pipeline has no scheme for a custom client
    /// and signing fails with a NullReferenceException (docs/design/awssdk-core-client.md, gotcha 1).
    /// </summary>
    internal sealed class FinSpaceDataAuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
            AuthSchemeOption.DEFAULT_SIGV4;
    }
}
