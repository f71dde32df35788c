using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FinSpace.Data.Runtime
{
    /// <summary>The SDK's adaptive retry policy with a token bucket that can recover from throttling
    /// (see <see cref="RefillingTokenBucket"/>); the bucket is only reachable from a subclass.</summary>
    internal sealed class RefillingAdaptiveRetryPolicy : AdaptiveRetryPolicy
    {
        public RefillingAdaptiveRetryPolicy(IClientConfig config)
            : base(config)
        {
            TokenBucket = new RefillingTokenBucket();
        }
    }
}
