using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using FinSpace.Benchmarks.Baseline;
using FinSpace.Benchmarks.Infrastructure;

namespace FinSpace.Benchmarks;

/// <summary>
/// <c>FinSpace.Benchmarks [BenchmarkDotNet options]</c> runs benchmarks (e.g. <c>--filter '*Paging*'</c>);
/// <c>baseline</c> runs the boto3 / AWS CLI comparison; <c>machine</c> describes this machine for a
/// results page; the other modes are child processes this program starts itself. See benchmarks/README.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        HermeticAwsEnvironment.Apply();
        var rest = args.Skip(1).ToArray();
        switch (args.FirstOrDefault())
        {
            case BaselineDriver.Mode:
                return await BaselineDriver.RunAsync(rest).ConfigureAwait(false);
            case ColdCall.Mode:
                return await ColdCall.RunAsync(rest).ConfigureAwait(false);
            case UploadComparison.Mode:
                return await UploadComparison.RunAsync(rest).ConfigureAwait(false);
            case MachineReport.Mode:
                return MachineReport.Run();
            case FixedResponseServer.Mode:
                return await FixedResponseServer.RunAsync().ConfigureAwait(false);
            default:
                RunBenchmarks(args);
                return 0;
        }
    }

    // Kept out of Main so that a cold-call child never loads BenchmarkDotNet: its start-up is measured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunBenchmarks(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
}
