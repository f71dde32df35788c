using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>
/// Every benchmark runs in this process (the in-process emit toolchain): BenchmarkDotNet 0.14 predates
/// .NET 10, and its default toolchain would generate and build a project inside this repository, where
/// central package management and warnings-as-errors apply to it. The toolchain is a mutator, so each
/// class's own [SimpleJob] keeps its iteration counts and still runs in process. DefaultConfig already
/// exports the GitHub-flavoured markdown tables that benchmarks/results copies.
/// </summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}
