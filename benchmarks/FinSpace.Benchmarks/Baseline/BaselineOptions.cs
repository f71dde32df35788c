using System;
using System.Globalization;
using System.IO;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>The knobs of the <c>baseline</c> mode; both sides get the same counts.</summary>
internal sealed class BaselineOptions
{
    public int Datasets { get; private set; } = 10_000;
    public int Calls { get; private set; } = 500;
    // Enough for .NET's tiered JIT to promote the hot path (a few hundred calls); Python has no JIT.
    public int Warmup { get; private set; } = 500;
    public int Creations { get; private set; } = 20;
    public int Listings { get; private set; } = 3;
    public int ProcessRuns { get; private set; } = 3;
    public int PageSize { get; private set; } = 100;
    public string Python { get; private set; } = "python3";
    public string? Script { get; private set; }
    public string OutputDirectory { get; private set; } = Path.Combine("BenchmarkDotNet.Artifacts", "results");

    public const string Usage =
        "baseline [--datasets 10000] [--calls 500] [--warmup 500] [--creations 20] [--listings 3] [--process-runs 3]\n" +
        "         [--python python3] [--script benchmarks/baseline/boto3_baseline.py] [--out BenchmarkDotNet.Artifacts/results]";

    public static BaselineOptions Parse(string[] args)
    {
        var options = new BaselineOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            switch (name)
            {
                case "--datasets": options.Datasets = Count(name, value); break;
                case "--calls": options.Calls = Count(name, value); break;
                case "--warmup": options.Warmup = Count(name, value); break;
                case "--creations": options.Creations = Count(name, value); break;
                case "--listings": options.Listings = Count(name, value); break;
                case "--process-runs": options.ProcessRuns = Count(name, value); break;
                case "--python": options.Python = value; break;
                case "--script": options.Script = value; break;
                case "--out": options.OutputDirectory = value; break;
                default: throw new ArgumentException($"Unknown option {name}.\n{Usage}");
            }
        }

        return options;
    }

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number (got '{value}').");
}
