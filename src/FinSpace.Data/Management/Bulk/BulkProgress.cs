namespace FinSpace.Management.Bulk
{
    /// <summary>A snapshot of a bulk run's counts, for a progress bar.</summary>
    public readonly struct BulkProgress
    {
        public BulkProgress(int dispatched, int succeeded, int failed, int inFlight)
        {
            Dispatched = dispatched;
            Succeeded = succeeded;
            Failed = failed;
            InFlight = inFlight;
        }

        public int Dispatched { get; }
        public int Succeeded { get; }
        public int Failed { get; }
        public int InFlight { get; }

        public int Done => Succeeded + Failed;

        public override string ToString() => $"{Done} done ({Failed} failed), {InFlight} in flight";
    }
}
