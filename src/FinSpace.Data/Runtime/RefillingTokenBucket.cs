using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime.Internal;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Works around a defect of AWSSDK.Core 4.0.102.18's adaptive retry mode: the token bucket
    /// refills once before its wait loop and never inside it, so after the first throttling error
    /// (when the bucket is empty) the retry waits fifteen times for capacity that never arrives and
    /// fails with "error capacity could not be obtained". Refilling after each wait is what the loop
    /// assumes; everything else (rates, CUBIC, measured throughput) stays the SDK's.
    /// </summary>
    /// <remarks>Installed by <see cref="FinSpaceRetryPolicy"/>, which uses it only in adaptive mode.</remarks>
    internal sealed class RefillingTokenBucket : TokenBucket
    {
        private readonly object _refillGate = new object();

        protected override async Task WaitForTokenAsync(int delayMs, CancellationToken cancellationToken)
        {
            await base.WaitForTokenAsync(delayMs, cancellationToken).ConfigureAwait(false);
            // The base class refills under a private lock we cannot take; serializing our own
            // refills keeps concurrent waiters of this client from double-counting the same interval.
            lock (_refillGate)
            {
                TokenBucketRefill();
            }
        }

        protected override void WaitForToken(int delayMs)
        {
            base.WaitForToken(delayMs);
            lock (_refillGate)
            {
                TokenBucketRefill();
            }
        }
    }
}
