using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Data.Runtime
{
    /// <summary>
    /// Client-side adaptive rate limiting for adaptive retry mode (docs/design/retries.md), one
    /// limit per operation, as the service limits each operation's rate. An operation sends freely
    /// until it is throttled; from then on its sends are paced at a rate that starts just under the
    /// rate it was measured sending at, climbs back over a few seconds and then probes upwards, and
    /// drops again at the next throttle. Unlike AWSSDK.Core's adaptive limiter it never fails a call
    /// for lack of capacity: a send waits for its turn (the caller's cancellation still stops it),
    /// and it never slows below <see cref="MinimumRate"/>.
    /// </summary>
    internal sealed class SendRateLimiter
    {
        /// <summary>The slowest pace after throttling, in requests per second.</summary>
        public const double MinimumRate = 1.0;

        /// <summary>The share of the measured sending rate a throttle leaves.</summary>
        public const double Decrease = 0.85;

        /// <summary>How long the pace takes to climb back to the rate that was throttled.</summary>
        public static readonly TimeSpan Recovery = TimeSpan.FromSeconds(2);

        /// <summary>How fast the pace probes beyond that rate, as a share of it per second.</summary>
        public const double ProbePerSecond = 0.05;

        /// <summary>With no throttle for this long the operation sends freely again.</summary>
        public static readonly TimeSpan Release = TimeSpan.FromSeconds(30);

        private readonly ConcurrentDictionary<string, OperationRate> _operations = new(StringComparer.Ordinal);
        private readonly Func<long> _now;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        public SendRateLimiter()
            : this(Stopwatch.GetTimestamp, Task.Delay)
        {
        }

        /// <param name="now">A clock in <see cref="Stopwatch"/> ticks.</param>
        /// <param name="delay">How a send waits for its turn.</param>
        internal SendRateLimiter(Func<long> now, Func<TimeSpan, CancellationToken, Task> delay)
        {
            _now = now;
            _delay = delay;
        }

        /// <summary>The pace of an operation in requests per second; null while it sends freely.</summary>
        public double? RateOf(string operation) => _operations.TryGetValue(operation, out var rate) ? rate.Pace(Seconds(_now())) : null;

        /// <summary>Waits until the operation may send one request, and counts it as sent.</summary>
        public async Task AcquireAsync(string operation, CancellationToken cancellationToken)
        {
            var rate = _operations.GetOrAdd(operation, _ => new OperationRate());
            while (true)
            {
                var wait = rate.TryTake(Seconds(_now()));
                if (wait <= 0)
                {
                    return;
                }

                await _delay(TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The service throttled a request of the operation.</summary>
        public void OnThrottled(string operation) => _operations.GetOrAdd(operation, _ => new OperationRate()).Throttled(Seconds(_now()));

        private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

        /// <summary>One operation's pace, its token bucket and its measured sending rate.</summary>
        private sealed class OperationRate
        {
            // Sends are counted in half-second slots; the measured rate is the last full slot and
            // the current one, so it follows the sending rate within a second.
            private const double Slot = 0.5;

            private readonly object _gate = new();
            private double _throttledRate;      // the pace limit right before the last throttle (0 = sending freely)
            private double _throttledAt;
            private double _tokens;
            private double _refilledAt;
            private double _slotStart;
            private int _slotSends;
            private int _previousSlotSends;

            public double? Pace(double now)
            {
                lock (_gate)
                {
                    return CurrentPace(now);
                }
            }

            /// <summary>Takes a token and returns 0, or returns the seconds to wait for one.</summary>
            public double TryTake(double now)
            {
                lock (_gate)
                {
                    var pace = CurrentPace(now);
                    if (pace is { } perSecond)
                    {
                        // A bucket of a tenth of a second's sends (at least one) keeps bursts small.
                        var capacity = Math.Max(1.0, perSecond / 10);
                        _tokens = Math.Min(capacity, _tokens + (now - _refilledAt) * perSecond);
                        _refilledAt = now;
                        if (_tokens < 1)
                        {
                            return (1 - _tokens) / perSecond;
                        }

                        _tokens -= 1;
                    }

                    Count(now);
                    return 0;
                }
            }

            public void Throttled(double now)
            {
                lock (_gate)
                {
                    // Requests already in flight when the pace dropped are refused too: one cut per
                    // slot, or a single overload would cut the pace once per request in flight.
                    if (_throttledRate > 0 && now - _throttledAt < Slot)
                    {
                        return;
                    }

                    var measured = MeasuredRate(now);
                    var pace = CurrentPace(now);
                    var sending = pace is { } limited ? Math.Min(limited, Math.Max(measured, MinimumRate)) : measured;
                    _throttledRate = Math.Max(MinimumRate, sending);
                    _throttledAt = now;
                    if (pace is null)
                    {
                        _tokens = 0;
                        _refilledAt = now;
                    }
                }
            }

            private double? CurrentPace(double now)
            {
                if (_throttledRate <= 0)
                {
                    return null;
                }

                var since = now - _throttledAt;
                if (since >= Release.TotalSeconds)
                {
                    _throttledRate = 0;
                    return null;
                }

                var recovery = Recovery.TotalSeconds;
                var low = Math.Max(MinimumRate, Decrease * _throttledRate);
                return since < recovery
                    ? low + ((_throttledRate - low) * since / recovery)
                    : _throttledRate * (1 + (ProbePerSecond * (since - recovery)));
            }

            private void Count(double now)
            {
                Roll(now);
                _slotSends++;
            }

            private double MeasuredRate(double now)
            {
                Roll(now);
                var elapsed = Slot + Math.Min(Slot, now - _slotStart);
                return (_previousSlotSends + _slotSends) / elapsed;
            }

            private void Roll(double now)
            {
                if (now - _slotStart < Slot)
                {
                    return;
                }

                _previousSlotSends = now - _slotStart < 2 * Slot ? _slotSends : 0;
                _slotSends = 0;
                _slotStart = now - ((now - _slotStart) % Slot);
            }
        }
    }
}
