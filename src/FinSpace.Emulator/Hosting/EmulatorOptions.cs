using System;
using System.Collections.Generic;

namespace FinSpace.Emulator;

/// <summary>Everything that can be configured when starting an emulator. Defaults suit an in-process test.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The port the command line uses when none is given.</summary>
    public const int DefaultCliPort = 8641;

    /// <summary>Address to bind; loopback by default so nothing outside the machine reaches it.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free port (read it back from <see cref="FinSpaceEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>When false every request is accepted unsigned (demos only).</summary>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>Long-term access keys accepted for signing: access key id to secret access key.</summary>
    public IDictionary<string, string> AccessKeys { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EmulatorCredentials.AccessKeyId] = EmulatorCredentials.SecretAccessKey,
    };

    /// <summary>Region written into ARNs (signatures for any region are accepted).</summary>
    public string Region { get; set; } = EmulatorCredentials.DefaultRegion;

    /// <summary>Account id written into ARNs.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>
    /// Start a moto_server (found on PATH) on a free loopback port and use it as the S3 endpoint of
    /// <see cref="WorkingLocation"/> and as <see cref="StsEndpoint"/> (unless those are set); it is
    /// stopped with the emulator.
    /// </summary>
    public bool StartMoto { get; set; }

    /// <summary>
    /// An STS whose issued keys the emulator also accepts (a moto_server: its <c>/moto-api/data.json</c>
    /// lists them). A request signed with an unknown access key id is checked against that STS's keys,
    /// and its <c>X-Amz-Security-Token</c> must be the one issued with the key. Null: no external STS.
    /// </summary>
    public Uri? StsEndpoint { get; set; }

    /// <summary>
    /// Access tokens the AWS SSO portal route (<c>GET /federation/credentials</c>) accepts from the start,
    /// each for one account and role. More can be registered at run time; they survive a reset, as access keys do.
    /// </summary>
    public IList<SsoToken> SsoTokens { get; set; } = new List<SsoToken>();

    /// <summary>Folder of the SQLite database; null keeps all state in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>How long asynchronous resources stay in each transitional state.</summary>
    public LifecycleTimings Lifecycle { get; set; } = new();

    /// <summary>Faults injected from the start (change them at run time through the admin surface).</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>Per-operation token-bucket limits from the start (change them at run time through the admin surface).</summary>
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>What GetWorkingLocation answers.</summary>
    public WorkingLocationOptions WorkingLocation { get; set; } = new();

    /// <summary>The clock behind lifecycles, credential expiry and the signature date check.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a clientToken replays its first result.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far a request's signing date may be from the emulator's clock (AWS allows 5 minutes).</summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Page size of list operations called without maxResults.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>When set, one line per API request is written here (no headers, no bodies, no secrets).</summary>
    public Action<string>? RequestLog { get; set; }

    internal EmulatorOptions Clone()
    {
        var copy = (EmulatorOptions)MemberwiseClone();
        copy.AccessKeys = new Dictionary<string, string>(AccessKeys, StringComparer.Ordinal);
        copy.Lifecycle = Lifecycle.Clone();
        copy.Faults = Faults.Clone();
        copy.RateLimits = RateLimits.Clone();
        copy.SsoTokens = new List<SsoToken>(SsoTokens);
        copy.WorkingLocation = WorkingLocation.Clone();
        return copy;
    }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), "Port must be between 0 and 65535.");
        }

        if (DefaultPageSize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultPageSize), "DefaultPageSize must be between 1 and 100 (the model's range).");
        }

        if (MaxRequestBodyBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodyBytes), "MaxRequestBodyBytes must be at least 1024.");
        }

        if (VerifySignatures && AccessKeys.Count == 0)
        {
            throw new ArgumentException("Signature verification needs at least one access key.", nameof(AccessKeys));
        }

        Faults.Validate();
        RateLimits.Validate();
    }
}
