using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace FinSpace.Benchmarks.Baseline;

/// <summary>The baseline's markdown table: our client beside boto3 and the AWS CLI, same emulator, same counts.</summary>
internal static class BaselineReport
{
    public static string Render(BaselineOptions options, ClientTimings.Result ours, JsonElement boto3, TimeSpan took)
    {
        var versions = boto3.GetProperty("versions");
        var cli = boto3.GetProperty("aws_cli");
        var hasCli = cli.ValueKind == JsonValueKind.Object;
        var oursListing = Median(ours.ListingSeconds);
        var oursCmdlet = Median(ours.CmdletListingSeconds);
        var botoListing = boto3.GetProperty("listing").GetProperty("median_s").GetDouble();
        var botoGet = boto3.GetProperty("get_dataset");
        var botoCreate = boto3.GetProperty("client_creation");

        var text = new StringBuilder();
        text.AppendLine("| measure | FinSpace.Data client | boto3 | AWS CLI |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        text.AppendLine(Row(
            $"create a client (median of {options.Creations})",
            Us(ours.ClientCreation.MedianUs),
            Us(botoCreate.GetProperty("median_us").GetDouble()),
            "—"));
        text.AppendLine(Row(
            $"GetDataset, warm: median (p90) of {options.Calls}",
            $"{Us(ours.GetDataset.MedianUs)} ({Us(ours.GetDataset.P90Us)})",
            $"{Us(botoGet.GetProperty("median_us").GetDouble())} ({Us(botoGet.GetProperty("p90_us").GetDouble())})",
            "—"));
        text.AppendLine(Row(
            $"list all {N(options.Datasets)}, page size {options.PageSize}: median of {options.Listings}",
            Listing(oursListing, options.Datasets),
            Listing(botoListing, options.Datasets),
            hasCli ? $"{S(cli.GetProperty("full_listing").GetProperty("median_ms").GetDouble() / 1000)} s (process included, {options.ProcessRuns} runs)" : "not installed"));
        text.AppendLine(Row(
            "the same through the cmdlet core path (mapped, blocking)",
            Listing(oursCmdlet, options.Datasets),
            "—",
            "—"));
        text.AppendLine(Row(
            $"fresh process, one call for one page of 5: median of {options.ProcessRuns}",
            $"{Ms(Median(ours.ColdProcessMs))} (inside it: {Ms(Median(ours.ColdFirstCallMs))} from `new` to the page, of which {Ms(Median(ours.ColdCreateMs))} creating the client)",
            $"{Ms(boto3.GetProperty("python_cold_call").GetProperty("median_ms").GetDouble())} (`python3 -c`, import boto3)",
            hasCli ? $"{Ms(cli.GetProperty("first_page").GetProperty("median_ms").GetDouble())} (`--max-items 5 --page-size 5`)" : "not installed"));
        text.AppendLine();
        text.AppendLine(
            $"Warm GetDataset: boto3 takes {Ratio(botoGet.GetProperty("median_us").GetDouble(), ours.GetDataset.MedianUs)} our client's median time; " +
            $"full listing: boto3 takes {Ratio(botoListing, oursListing)} as long.");
        text.AppendLine();
        text.AppendLine(
            $"Emulator: its command line in a separate process on loopback, {N(options.Datasets)} datasets seeded, SigV4 checked, " +
            $"lifecycles instant. Our client: FinSpace.Data on .NET {Environment.Version} ({RuntimeInformation.OSDescription.Trim()}); " +
            $"boto3 {Str(versions, "boto3")} / botocore {Str(versions, "botocore")} on Python {Str(versions, "python")}; " +
            $"{(versions.TryGetProperty("aws_cli", out var v) ? v.GetString() : "AWS CLI not installed")}. " +
            $"Warm-up {options.Warmup} calls per client. Whole run: {took.TotalSeconds:0} s. " +
            $"Raw runs: our listings {List(ours.ListingSeconds, "s")}, cmdlet path {List(ours.CmdletListingSeconds, "s")}, " +
            $"our fresh processes {List(ours.ColdProcessMs, "ms")}.");
        return text.ToString();
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static double Median(IReadOnlyList<double> values) => LatencySummary.Median(values.OrderBy(v => v).ToArray());

    private static string Listing(double seconds, int items) =>
        $"{S(seconds)} s = {N((int)Math.Round(items / seconds))} items/s";

    private static string Ratio(double theirs, double ours) => (theirs / ours).ToString("0.0", CultureInfo.InvariantCulture) + "×";

    private static string Us(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + " µs";

    private static string Ms(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + " ms";

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Str(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() ?? "?" : "?";

    private static string List(IEnumerable<double> values, string unit) =>
        string.Join(", ", values.Select(v => v.ToString(unit == "s" ? "0.000" : "0", CultureInfo.InvariantCulture))) + " " + unit;
}
