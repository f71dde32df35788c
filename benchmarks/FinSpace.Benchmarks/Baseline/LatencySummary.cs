using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>Median, 90th percentile, mean and minimum of timed samples, computed as the Python script does.</summary>
internal sealed record LatencySummary(int Count, double MedianUs, double P90Us, double MeanUs, double MinUs)
{
    public static LatencySummary FromTicks(IReadOnlyCollection<long> stopwatchTicks)
    {
        var us = stopwatchTicks.Select(t => t * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency).OrderBy(v => v).ToArray();
        return new LatencySummary(us.Length, Median(us), us[Math.Max(0, (int)(us.Length * 0.9) - 1)], us.Average(), us[0]);
    }

    public static double Median(IReadOnlyList<double> ordered) =>
        ordered.Count % 2 == 1 ? ordered[ordered.Count / 2] : (ordered[ordered.Count / 2 - 1] + ordered[ordered.Count / 2]) / 2;
}
