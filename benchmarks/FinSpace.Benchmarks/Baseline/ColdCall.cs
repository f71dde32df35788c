using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using FinSpace.Benchmarks.Infrastructure;
using FinSpace.Data.Model;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>
/// A fresh process making one call — the counterpart of one <c>aws finspace-data list-datasets</c>
/// invocation and of a fresh <c>python3</c> importing boto3 for one call. The parent times the whole
/// process; this prints how long the first call took inside it (client creation, JIT, signing, one
/// request of one page of 5) and how much of that was creating the client.
/// </summary>
internal static class ColdCall
{
    public const string Mode = "cold-call";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var endpoint))
        {
            Console.Error.WriteLine($"usage: {Mode} <endpoint-url>");
            return 2;
        }

        // Split in two, so a slow first call can be told apart from a slow client construction.
        var watch = Stopwatch.StartNew();
        using var client = EmulatorClients.Create(endpoint);
        var created = watch.Elapsed;
        var page = await client.ListDatasetsAsync(new ListDatasetsRequest { MaxResults = 5 }).ConfigureAwait(false);
        var total = watch.Elapsed;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"items {page.Datasets?.Count ?? 0} first-call-ms {total.TotalMilliseconds:0.0} create-ms {created.TotalMilliseconds:0.0}"));
        return 0;
    }
}
