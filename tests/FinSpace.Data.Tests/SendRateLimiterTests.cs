using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Runtime;

namespace FinSpace.Data.Tests;

/// <summary>
/// The adaptive send rate against a service limit, simulated on a virtual clock: a sender that could
/// send 1,000 requests per second, a service that admits 100 per second (a token bucket with a burst
/// of 100, as the emulator's limits and AWS's work), every refused request retried at once.
/// </summary>
public sealed class SendRateLimiterTests
{
    private const string Operation = "CreateUser";

    [Fact]
    public async Task AgainstARateLimitItSendsCloseToTheLimitAndIsRarelyRefused()
    {
        var clock = new VirtualClock();
        var limiter = clock.Limiter();
        var service = new ServiceBucket(perSecond: 100, burst: 100);
        var (admitted, refused) = await SendForAsync(clock, limiter, service, seconds: 120, roundTrip: 0.001);

        var rate = (admitted - 100) / 120.0; // the first second's burst is not rate
        Assert.InRange(rate, 90, 101);
        // Without pacing the sender would be refused about 900 times a second.
        Assert.True(refused < admitted / 20, $"{refused} refused for {admitted} admitted");
        Assert.NotNull(limiter.RateOf(Operation));
    }

    [Fact]
    public async Task ItSendsFreelyUntilTheFirstThrottleAndAgainAfterAQuietSpell()
    {
        var clock = new VirtualClock();
        var limiter = clock.Limiter();

        Assert.Null(limiter.RateOf(Operation));
        for (var i = 0; i < 40; i++)
        {
            await limiter.AcquireAsync(Operation, CancellationToken.None); // 20 a second, never held back
            clock.Advance(0.05);
        }

        Assert.Equal(0, clock.Waited);
        limiter.OnThrottled(Operation);
        // Paced just under the rate it was measured sending at.
        Assert.InRange(limiter.RateOf(Operation)!.Value, SendRateLimiter.Decrease * 20 * 0.9, SendRateLimiter.Decrease * 20 * 1.1);
        clock.Advance(SendRateLimiter.Release.TotalSeconds + 1);
        Assert.Null(limiter.RateOf(Operation));
    }

    [Fact]
    public async Task OperationsArePacedApart()
    {
        var clock = new VirtualClock();
        var limiter = clock.Limiter();
        for (var i = 0; i < 50; i++)
        {
            await limiter.AcquireAsync(Operation, CancellationToken.None);
            clock.Advance(0.01);
        }

        limiter.OnThrottled(Operation);

        Assert.NotNull(limiter.RateOf(Operation));
        Assert.Null(limiter.RateOf("GetUser"));
    }

    [Fact]
    public async Task UnderThrottlingUnrelatedToTheRateItSlowsButNeverFailsOrStops()
    {
        // A fifth of all requests refused at random, whatever the rate: each send still gets its turn.
        var clock = new VirtualClock();
        var limiter = clock.Limiter();
        var random = new Random(42);
        var sent = 0;
        while (clock.Seconds < 60)
        {
            await limiter.AcquireAsync(Operation, CancellationToken.None);
            sent++;
            clock.Advance(0.001);
            if (random.NextDouble() < 0.2)
            {
                limiter.OnThrottled(Operation);
            }
        }

        Assert.True(limiter.RateOf(Operation) >= SendRateLimiter.MinimumRate * SendRateLimiter.Decrease);
        Assert.True(sent >= 60 * SendRateLimiter.MinimumRate, $"{sent} sent in 60 s");
    }

    [Fact]
    public async Task AWaitingSendStopsWhenTheCallerCancels()
    {
        var limiter = new SendRateLimiter();
        await limiter.AcquireAsync(Operation, CancellationToken.None);
        limiter.OnThrottled(Operation); // paced at about one request a second from here
        await limiter.AcquireAsync(Operation, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(Operation, cancel.Token));
    }

    private static async Task<(int Admitted, int Refused)> SendForAsync(VirtualClock clock, SendRateLimiter limiter, ServiceBucket service, double seconds, double roundTrip)
    {
        int admitted = 0, refused = 0;
        while (clock.Seconds < seconds + 1)
        {
            await limiter.AcquireAsync(Operation, CancellationToken.None);
            clock.Advance(roundTrip);
            if (service.TryAdmit(clock.Seconds))
            {
                admitted++;
            }
            else
            {
                refused++;
                limiter.OnThrottled(Operation);
            }
        }

        return (admitted, refused);
    }

    /// <summary>A clock in Stopwatch ticks that moves only when told to, or when the limiter waits.</summary>
    private sealed class VirtualClock
    {
        private long _ticks = Stopwatch.Frequency * 1000;

        public double Waited { get; private set; }

        public double Seconds => (_ticks - (Stopwatch.Frequency * 1000)) / (double)Stopwatch.Frequency;

        public void Advance(double seconds) => _ticks += (long)(seconds * Stopwatch.Frequency);

        public SendRateLimiter Limiter() => new(() => _ticks, (wait, _) =>
        {
            Waited += wait.TotalSeconds;
            Advance(wait.TotalSeconds);
            return Task.CompletedTask;
        });
    }

    /// <summary>The service's limit: a bucket refilled at a rate, starting full.</summary>
    private sealed class ServiceBucket(double perSecond, double burst)
    {
        private double _tokens = double.NaN;
        private double _at;

        public bool TryAdmit(double now)
        {
            _tokens = double.IsNaN(_tokens) ? burst : Math.Min(burst, _tokens + ((now - _at) * perSecond));
            _at = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
