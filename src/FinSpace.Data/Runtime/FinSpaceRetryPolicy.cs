using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// The client's one retry policy (docs/design/retries.md, about_FinSpace): every attempt is one
    /// request on the wire, counted in <c>Retries</c> and spaced by backoff. It keeps the SDK's error
    /// detection (throttling codes, 500/502/503/504, transient network errors) and changes six things:
    /// <list type="number">
    /// <item>No retry quota. Standard mode's quota (500 tokens, 5 per retry, 1 back per success) never
    /// refills with time; once a long session or a bulk run under faults has spent it, nothing is
    /// retried again in that process. Replaced, not refilled: retries are bounded per call by the
    /// attempt limit and spaced by backoff.</item>
    /// <item>Ten attempts by default instead of three; an explicit <see cref="ClientConfig.MaxErrorRetry"/>,
    /// AWS_MAX_ATTEMPTS or the profile's max_attempts still decides.</item>
    /// <item>Full-jitter backoff: before retry <c>n</c> the wait is a uniform draw in
    /// [0, min(1 s × 2^(n−1), <see cref="FinSpaceDataConfig.MaxRetryDelay"/>)], 5 s by default.</item>
    /// <item>A dropped connection (the request may have run) is retried only for a read or an operation
    /// with a clientToken, which the retry repeats unchanged: in this model that is every operation.</item>
    /// <item>No hidden re-sends: AWSSDK.Core's "stale connection" loop re-sends up to
    /// <see cref="ClientConfig.MaxStaleConnectionRetries"/> (10) times on a reset connection, at once,
    /// without counting the attempts; one dropped response became 11 requests while the call reported
    /// 0 retries. Those errors now take the counted, backed-off path above.</item>
    /// <item>The SDK's client-side rate limiter never runs: it fails calls for lack of capacity under
    /// throttling. In adaptive mode (AWS_RETRY_MODE, the profile's retry_mode,
    /// <see cref="ClientConfig.RetryMode"/>) the client paces attempts with <see cref="SendRateLimiter"/>
    /// instead (<see cref="SendRateHandler"/>); the default standard mode sends without pacing.</item>
    /// </list>
    /// </summary>
    internal sealed class FinSpaceRetryPolicy : AdaptiveRetryPolicy
    {
        /// <summary>Retries after the first attempt when nothing configured a number.</summary>
        public const int DefaultMaxRetries = 9;

        /// <summary>The base of the exponential backoff: the first retry waits up to this long.</summary>
        public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

        private static readonly Random Jitter = new Random();

        private readonly bool _rateLimited;

        public FinSpaceRetryPolicy(IClientConfig config)
            : base(config)
        {
            _rateLimited = config.RetryMode == RequestRetryMode.Adaptive;
            MaxRetries = MaxRetriesFor(config);
            MaxDelay = config is FinSpaceDataConfig ours ? ours.MaxRetryDelay : FinSpaceDataConfig.DefaultMaxRetryDelay;
            MaxBackoffInMilliseconds = (int)Math.Min(int.MaxValue, MaxDelay.TotalMilliseconds);
        }

        /// <summary>The longest wait before one retry.</summary>
        public TimeSpan MaxDelay { get; }

        /// <summary>Whether attempts are paced after throttling (adaptive mode), by <see cref="SendRateHandler"/>.</summary>
        public bool IsRateLimited => _rateLimited;

        internal static int MaxRetriesFor(IClientConfig config) =>
            config is ClientConfig { IsMaxErrorRetrySet: true } || IsMaxAttemptsConfigured()
                ? config.MaxErrorRetry
                : DefaultMaxRetries;

        /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first), for a uniform draw <paramref name="draw"/> in [0, 1).</summary>
        internal static TimeSpan DelayFor(int retry, double draw, TimeSpan maxDelay)
        {
            var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1)), maxDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(draw * ceiling);
        }

        public override bool OnRetry(IExecutionContext executionContext) => true;

        public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity) => true;

        public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity, bool isThrottlingError) => true;

        // Returning false sends these errors down the counted path (RetryForException) instead of the
        // SDK's uncounted, unspaced stale-connection loop.
        public override bool IsStaleConnectionError(Exception exception) => false;

        public override async Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
            IsDroppedConnection(exception)
                ? DropIsSafeToRetry(executionContext)
                : await base.RetryForExceptionAsync(executionContext, exception).ConfigureAwait(false);

        public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
            IsDroppedConnection(exception)
                ? DropIsSafeToRetry(executionContext)
                : base.RetryForException(executionContext, exception);

        public override Task WaitBeforeRetryAsync(IExecutionContext executionContext) =>
            Task.Delay(NextDelay(executionContext), executionContext.RequestContext.CancellationToken);

        public override void WaitBeforeRetry(IExecutionContext executionContext) =>
            AWSSDKUtils.Sleep(NextDelay(executionContext));

        public override Task ObtainSendTokenAsync(IExecutionContext executionContext, Exception exception) => Task.CompletedTask;

        public override void ObtainSendToken(IExecutionContext executionContext, Exception exception)
        {
        }

        /// <summary>The connection broke while the request or response was on the wire (not a cancellation by the caller).</summary>
        internal static bool IsDroppedConnection(Exception exception)
        {
            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is IOException or HttpRequestException or SocketException)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A request whose answer was lost may have run. Sending it again is safe for a read and for an
        /// operation whose clientToken makes the service answer a repeat with the first result.
        /// </summary>
        internal static bool DropIsSafeToRetry(IExecutionContext executionContext) =>
            executionContext.RequestContext.OriginalRequest is not OperationRequest call || call.Binding.IsSafeToRepeat;

        private TimeSpan NextDelay(IExecutionContext executionContext)
        {
            double draw;
            lock (Jitter)
            {
                draw = Jitter.NextDouble();
            }

            return DelayFor(executionContext.RequestContext.Retries, draw, MaxDelay);
        }

        private static bool IsMaxAttemptsConfigured() =>
            !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS"))
            || FallbackInternalConfigurationFactory.MaxAttempts is not null;
    }
}
