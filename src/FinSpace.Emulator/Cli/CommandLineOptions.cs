using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FinSpace.Emulator.Cli;

/// <summary>The parsed command line: emulator options plus what only the command line does (seed at start, help).</summary>
internal sealed class CommandLineOptions
{
    public EmulatorOptions Emulator { get; } = new() { Port = EmulatorOptions.DefaultCliPort };

    public SeedRequest Seed { get; } = new();

    public bool ShowHelp { get; private set; }

    public bool Verbose { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLineOptions();
        var options = result.Emulator;
        var timings = options.Lifecycle;
        var faults = options.Faults;
        Dictionary<string, string>? keys = null;
        for (int i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Int() => ParseInt(name, Value());
            double Rate() => ParseDouble(name, Value());
            TimeSpan Ms() => TimeSpan.FromMilliseconds(ParseInt(name, Value()));
            switch (name)
            {
                case "--help" or "-h" or "-?": result.ShowHelp = true; break;
                case "--verbose": result.Verbose = true; break;
                case "--host": options.Host = Value(); break;
                case "--port": options.Port = Int(); break;
                case "--no-auth": options.VerifySignatures = false; break;
                case "--access-key":
                    var pair = Value();
                    var colon = pair.IndexOf(':');
                    if (colon <= 0 || colon == pair.Length - 1)
                    {
                        throw new ArgumentException("--access-key needs <id>:<secret>.");
                    }

                    keys ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    keys[pair[..colon]] = pair[(colon + 1)..];
                    break;
                case "--clock-skew-minutes": options.AllowedClockSkew = TimeSpan.FromMinutes(Int()); break;
                case "--data-dir": options.DataDirectory = Value(); break;
                case "--seed-datasets": result.Seed.Datasets = Int(); break;
                case "--seed-users": result.Seed.Users = Int(); break;
                case "--seed-groups": result.Seed.PermissionGroups = Int(); break;
                case "--seed-memberships": result.Seed.MembershipsPerUser = Int(); break;
                case "--region": options.Region = Value(); break;
                case "--account-id": options.AccountId = Value(); break;
                case "--step-ms":
                    var step = Ms();
                    timings.ChangesetPending = timings.ChangesetRunning = timings.DataViewStarting = timings.DataViewRunning =
                        timings.DatasetPending = timings.DatasetRunning = timings.UserCreating = step;
                    break;
                case "--changeset-pending-ms": timings.ChangesetPending = Ms(); break;
                case "--changeset-running-ms": timings.ChangesetRunning = Ms(); break;
                case "--dataview-starting-ms": timings.DataViewStarting = Ms(); break;
                case "--dataview-running-ms": timings.DataViewRunning = Ms(); break;
                case "--dataset-pending-ms": timings.DatasetPending = Ms(); break;
                case "--dataset-running-ms": timings.DatasetRunning = Ms(); break;
                case "--user-creating-ms": timings.UserCreating = Ms(); break;
                case "--throttle-rate": faults.ThrottleRate = Rate(); break;
                case "--error-rate": faults.ErrorRate = Rate(); break;
                case "--drop-rate": faults.DropRate = Rate(); break;
                case "--latency-ms": faults.Latency = Ms(); break;
                case "--fault-seed": faults.Seed = Int(); break;
                case "--rate-limit": options.RateLimits.RequestsPerSecond = Rate(); break;
                case "--rate-burst": options.RateLimits.Burst = Int(); break;
                case "--rate-limit-operation":
                    var (operation, limit) = ParseOperationLimit(name, Value());
                    options.RateLimits.Operations[operation] = limit;
                    break;
                case "--fault-operations": faults.Operations = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(); break;
                case "--bucket": options.WorkingLocation.Bucket = Value(); break;
                case "--path-prefix": options.WorkingLocation.PathPrefix = Value(); break;
                case "--sso-token":
                    var parts = Value().Split(':');
                    if (parts.Length != 3 || parts.Any(p => p.Length == 0))
                    {
                        throw new ArgumentException("--sso-token needs <accessToken>:<accountId>:<roleName>.");
                    }

                    options.SsoTokens.Add(new SsoToken(parts[0], parts[1], parts[2]));
                    break;
                case "--moto": options.StartMoto = true; break;
                case "--sts-endpoint": options.StsEndpoint = new Uri(Value(), UriKind.Absolute); break;
                case "--s3-endpoint": options.WorkingLocation.S3Endpoint = new Uri(Value(), UriKind.Absolute); break;
                default: throw new ArgumentException($"Unknown option '{name}'. Run with --help for the list.");
            }
        }

        if (keys is not null)
        {
            options.AccessKeys = keys;
        }

        return result;
    }

    /// <summary><c>Name=rate</c> or <c>Name=rate:burst</c>.</summary>
    private static (string Operation, OperationRateLimit Limit) ParseOperationLimit(string name, string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new ArgumentException($"{name} needs <Operation>=<requests/s>[:<burst>] (got '{text}').");
        }

        var value = text[(eq + 1)..];
        var colon = value.IndexOf(':');
        var rate = ParseDouble(name, colon < 0 ? value : value[..colon]);
        int? burst = colon < 0 ? null : ParseInt(name, value[(colon + 1)..]);
        return (text[..eq], new OperationRateLimit(rate, burst));
    }

    private static int ParseInt(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{name} needs a non-negative whole number (got '{text}').");

    private static double ParseDouble(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} needs a number (got '{text}').");
}
