using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Management.Bulk;

namespace FinSpace.Data.Tests;

/// <summary>The engine behind -ThrottleLimit: bound, order, errors per item, cancellation.</summary>
public sealed class BulkDispatcherTests
{
    [Fact]
    public void TheConcurrencyBoundIsNeverExceededAndIsReached()
    {
        var dispatcher = new BulkDispatcher(4, CancellationToken.None);
        var running = 0;
        var most = 0;
        var random = new Random(7);
        var completions = new List<BulkCompletion>();
        for (var i = 0; i < 60; i++)
        {
            var delay = random.Next(1, 15);
            var item = i;
            completions.AddRange(dispatcher.Dispatch(item, async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(delay).ConfigureAwait(false);
                Interlocked.Decrement(ref running);
                return item;
            }));
            Assert.True(dispatcher.Progress.InFlight <= 4, $"{dispatcher.Progress.InFlight} in flight after dispatching item {i}");
        }

        completions.AddRange(dispatcher.Drain());

        Assert.InRange(most, 1, 4);
        Assert.Equal(4, most);
        Assert.Equal(Enumerable.Range(0, 60), completions.Select(c => (int)c.Result!).OrderBy(x => x));
        Assert.Equal(60, dispatcher.Progress.Succeeded);
        Assert.Equal(0, dispatcher.Progress.InFlight);
    }

    [Fact]
    public void ALimitOfOneCompletesEachItemBeforeDispatchReturnsInInputOrder()
    {
        var dispatcher = new BulkDispatcher(1, CancellationToken.None);
        var order = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            var item = i;
            var ready = dispatcher.Dispatch(item, async _ =>
            {
                await Task.Delay(10 - item).ConfigureAwait(false);
                return item;
            });
            var only = Assert.Single(ready);
            Assert.Equal(item, only.Target);
            order.Add(only.Result!);
        }

        Assert.Empty(dispatcher.Drain());
        Assert.Equal(Enumerable.Range(0, 10).Cast<object>(), order);
    }

    [Fact]
    public void CompletionsComeBackInCompletionOrder()
    {
        var dispatcher = new BulkDispatcher(3, CancellationToken.None);
        var first = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Empty(dispatcher.Dispatch("first", _ => first.Task));
        Assert.Empty(dispatcher.Dispatch("second", _ => second.Task));

        second.SetResult("second done");
        // Continuations run on the thread pool: let the second's completion arrive before the first
        // finishes, or a loaded machine may deliver them in either order.
        Assert.True(SpinWait.SpinUntil(() => dispatcher.Progress.Done == 1, TimeSpan.FromSeconds(30)), "the second item's completion never arrived");
        first.SetResult("first done");
        var drained = dispatcher.Drain().ToList();

        Assert.Equal(new object[] { "second", "first" }, drained.Select(c => c.Target));
    }

    [Fact]
    public void AFailedItemIsOneCompletionWithItsTargetAndTheOthersSucceed()
    {
        var dispatcher = new BulkDispatcher(2, CancellationToken.None);
        var completions = new List<BulkCompletion>();
        foreach (var name in new[] { "a", "bad", "c" })
        {
            completions.AddRange(dispatcher.Dispatch(name, async _ =>
            {
                await Task.Yield();
                return name == "bad" ? throw new InvalidOperationException("no " + name) : (object)name;
            }));
        }

        completions.AddRange(dispatcher.Drain());

        var failed = Assert.Single(completions, c => !c.Succeeded);
        Assert.Equal("bad", failed.Target);
        Assert.Equal("no bad", Assert.IsType<InvalidOperationException>(failed.Error).Message);
        Assert.Equal(new[] { "a", "c" }, completions.Where(c => c.Succeeded).Select(c => (string)c.Result!).OrderBy(x => x));
        Assert.Equal(1, dispatcher.Progress.Failed);
        Assert.Equal(2, dispatcher.Progress.Succeeded);
    }

    [Fact]
    public void ASynchronousThrowIsAFailedItemNotAnEscapingException()
    {
        var dispatcher = new BulkDispatcher(1, CancellationToken.None);

        var completion = Assert.Single(dispatcher.Dispatch("x", _ => throw new ArgumentException("bad input")));

        Assert.IsType<ArgumentException>(completion.Error);
    }

    [Fact]
    public async Task CancellingStopsDispatchAndCancelsWhatIsInFlight()
    {
        using var stop = new CancellationTokenSource();
        var dispatcher = new BulkDispatcher(3, stop.Token);
        var started = 0;
        var cancelled = 0;
        Func<CancellationToken, Task<object?>> work = async ct =>
        {
            Interlocked.Increment(ref started);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }

            return null;
        };
        dispatcher.Dispatch(1, work);
        dispatcher.Dispatch(2, work);

        // The third fills the bound: Dispatch blocks for a completion until the token is cancelled.
        var blocked = Task.Run(() => dispatcher.Dispatch(3, work));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(blocked.IsCompleted);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.Throws<OperationCanceledException>(() => dispatcher.Dispatch(4, work));
        Assert.Equal(3, started);
        await WaitUntil(() => Volatile.Read(ref cancelled) == 3);
        Assert.Equal(3, cancelled);
    }

    [Fact]
    public void ALimitBelowOneIsRefusedNamingThrottleLimit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BulkDispatcher(0, CancellationToken.None));
        Assert.Contains("ThrottleLimit", error.Message);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
