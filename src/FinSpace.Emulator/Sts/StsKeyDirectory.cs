using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Sts;

/// <summary>
/// Access keys issued by an external STS, looked up on demand. A key seen once is cached; an unknown
/// key triggers a fresh read of the issuer's state, but reads are spaced at least
/// <see cref="MinimumInterval"/> apart and shared: however many unknown keys arrive at once, the issuer
/// sees one read per interval. Every waiting lookup is answered by a read that started after it
/// arrived, so a key issued a moment ago is never refused for being too new.
/// </summary>
internal sealed class StsKeyDirectory
{
    public static readonly TimeSpan DefaultMinimumInterval = TimeSpan.FromMilliseconds(250);

    private readonly Func<CancellationToken, Task<IReadOnlyList<IssuedKey>>> _read;
    private readonly ConcurrentDictionary<string, IssuedKey> _keys = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private Task? _running;
    private Task? _scheduled;
    private long _lastStart = long.MinValue;
    private int _reads;

    public StsKeyDirectory(Func<CancellationToken, Task<IReadOnlyList<IssuedKey>>> read, TimeSpan? minimumInterval = null)
    {
        _read = read;
        MinimumInterval = minimumInterval ?? DefaultMinimumInterval;
    }

    public TimeSpan MinimumInterval { get; }

    /// <summary>How many times the issuer's state was read (for tests of the spacing).</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>The key, or null when the issuer has not issued it (or cannot be reached).</summary>
    public async ValueTask<IssuedKey?> FindAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(accessKeyId, out var known))
        {
            return known;
        }

        Task next;
        lock (_gate)
        {
            _scheduled ??= ReadLaterAsync();
            next = _scheduled;
        }

        await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _keys.TryGetValue(accessKeyId, out var found) ? found : null;
    }

    private async Task ReadLaterAsync()
    {
        // Yield first so the caller that scheduled this read has stored it before it can clear itself.
        await Task.Yield();
        Task? previous;
        lock (_gate)
        {
            previous = _running;
        }

        if (previous is not null)
        {
            await previous.ConfigureAwait(false);
        }

        if (_lastStart != long.MinValue && MinimumInterval - Stopwatch.GetElapsedTime(_lastStart) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait).ConfigureAwait(false);
        }

        Task read;
        lock (_gate)
        {
            // From here on, a new unknown key needs a read that starts after this one.
            _scheduled = null;
            _lastStart = Stopwatch.GetTimestamp();
            read = ReadNowAsync();
            _running = read;
        }

        await read.ConfigureAwait(false);
    }

    private async Task ReadNowAsync()
    {
        Interlocked.Increment(ref _reads);
        try
        {
            foreach (var key in await _read(CancellationToken.None).ConfigureAwait(false))
            {
                _keys[key.AccessKeyId] = key;
            }
        }
        catch (Exception e) when (e is System.Net.Http.HttpRequestException or System.Text.Json.JsonException or TaskCanceledException or InvalidOperationException)
        {
            // An unreachable issuer makes its keys unknown, which the caller answers as it answers any unknown key.
        }
    }
}
