using System.Diagnostics;
using System.Management.Automation;
using FinSpace.Management.Bulk;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// A progress bar for a bulk run (done, failed, in flight), shown only once the run has lasted a
    /// second, and refreshed at most four times a second: a quick command draws nothing.
    /// Called on the pipeline thread only.
    /// </summary>
    internal sealed class BulkProgressReporter
    {
        private static readonly long ShowAfter = Stopwatch.Frequency;
        private static readonly long RefreshEvery = Stopwatch.Frequency / 4;

        private readonly Cmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _lastShown;
        private bool _shown;

        public BulkProgressReporter(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _record = new ProgressRecord(activityId, activity, "Starting");
        }

        public void Report(BulkProgress progress)
        {
            var now = Stopwatch.GetTimestamp();
            if (now - _started < ShowAfter || (_shown && now - _lastShown < RefreshEvery))
            {
                return;
            }

            _record.StatusDescription = progress.ToString();
            _cmdlet.WriteProgress(_record);
            _lastShown = now;
            _shown = true;
        }

        public void Complete()
        {
            if (!_shown)
            {
                return;
            }

            _record.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_record);
            _shown = false;
        }
    }
}
