namespace FinSpace.Emulator;

/// <summary>
/// The in-process admin surface of a running emulator: the same controls as the HTTP admin path
/// (<c>/_emulator/</c>), for tests, demos and benchmarks that host the emulator themselves.
/// </summary>
public sealed class EmulatorAdmin
{
    private readonly EmulatorCore _core;

    internal EmulatorAdmin(EmulatorCore core)
    {
        _core = core;
    }

    /// <summary>Per-operation counts of every API request received, rejected ones included.</summary>
    public RequestCounters Counters => _core.Counters;

    /// <summary>A copy of the fault settings in force.</summary>
    public FaultSettings Faults => _core.Faults.Settings;

    /// <summary>Replaces the fault settings and restarts the fault generator from their seed.</summary>
    public void SetFaults(FaultSettings settings) => _core.Faults.Apply(settings);

    /// <summary>Stops injecting faults and latency.</summary>
    public void ClearFaults() => _core.Faults.Apply(new FaultSettings());

    /// <summary>A copy of the rate limits in force.</summary>
    public RateLimitSettings RateLimits => _core.RateLimiter.Settings;

    /// <summary>Replaces the rate limits; every operation's bucket starts full.</summary>
    public void SetRateLimits(RateLimitSettings settings) => _core.RateLimiter.Apply(settings);

    /// <summary>Removes every rate limit.</summary>
    public void ClearRateLimits() => _core.RateLimiter.Apply(new RateLimitSettings());

    /// <summary>Lets the SSO portal route hand out credentials for this token, account and role.</summary>
    public void RegisterSsoToken(SsoToken token) => _core.SsoTokens.Register(token);

    /// <summary>Forgets every registered SSO token.</summary>
    public void ClearSsoTokens() => _core.SsoTokens.Clear();

    /// <summary>Adds synthetic, already settled resources in one batch (one transaction when persisting).</summary>
    public SeedResult Seed(SeedRequest request) => _core.Seed(request);

    /// <summary>How many resources the emulator holds.</summary>
    public StateSummary Summary() => _core.Summary();

    /// <summary>Removes every resource, temporary credential and idempotency record, zeroes the counters and clears faults and rate limits.</summary>
    public void Reset() => _core.Reset();
}
