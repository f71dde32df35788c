using System;
using System.Threading;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// Counts bytes from several threads and says, at most every <see cref="Interval"/>, how far a
    /// transfer is, how fast it goes (average since start) and how long the rest should take.
    /// </summary>
    public sealed class ProgressMeter
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly string _activity;
        private readonly long _bytesTotal;
        private readonly int _filesTotal;
        private readonly Func<TimeSpan> _elapsed;
        private long _bytesDone;
        private int _filesDone;
        private long _lastReportTicks = long.MinValue;
        private string? _currentFile;

        public ProgressMeter(string activity, long bytesTotal, int filesTotal, Func<TimeSpan> elapsed)
        {
            _activity = activity;
            _bytesTotal = bytesTotal;
            _filesTotal = filesTotal;
            _elapsed = elapsed;
        }

        public long BytesDone => Interlocked.Read(ref _bytesDone);

        public void StartFile(string path) => _currentFile = path;

        public void FileDone() => Interlocked.Increment(ref _filesDone);

        /// <summary>Adds bytes; returns a snapshot when one is due (or <paramref name="force"/>), else null.</summary>
        public TransferProgress? Add(long bytes, bool force = false)
        {
            Interlocked.Add(ref _bytesDone, bytes);
            var now = _elapsed();
            var last = Interlocked.Read(ref _lastReportTicks);
            if (!force && last != long.MinValue && now.Ticks - last < Interval.Ticks)
            {
                return null;
            }

            if (!force && Interlocked.CompareExchange(ref _lastReportTicks, now.Ticks, last) != last)
            {
                return null;
            }

            Interlocked.Exchange(ref _lastReportTicks, now.Ticks);
            return Snapshot(now);
        }

        public TransferProgress Snapshot() => Snapshot(_elapsed());

        private TransferProgress Snapshot(TimeSpan now)
        {
            var done = BytesDone;
            var rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
            TimeSpan? remaining = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, _bytesTotal - done) / rate) : null;
            return new TransferProgress(_activity, _currentFile, Volatile.Read(ref _filesDone), _filesTotal, done, _bytesTotal, rate, remaining);
        }
    }
}
