using System;
using System.Security.Cryptography;
using FinSpace.Data.Metadata;
using FinSpace.Emulator.Auth;
using FinSpace.Emulator.Faults;
using FinSpace.Emulator.Handlers;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;

namespace FinSpace.Emulator;

/// <summary>Everything one emulator instance owns, shared by the HTTP pipeline and the in-process admin surface.</summary>
internal sealed class EmulatorCore : IDisposable
{
    private const string PageTokenKeyName = "page-token-key";

    public EmulatorCore(EmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider;
        IStateStore store = options.DataDirectory is { } directory ? new SqliteStore(directory) : new MemoryStore();
        State = new EmulatorState(store);
        Arns = new Arns(options.Region, options.AccountId);
        Pager = new Pager(new PageTokenCodec(PageTokenKey(store)), options.DefaultPageSize);
        Faults = new FaultInjector(options.Faults);
        RateLimiter = new RateLimiter(options.RateLimits, Clock);
        Verifier = new SigV4Verifier(FindSigningKey, options.AllowedClockSkew);
    }

    public EmulatorOptions Options { get; }
    public TimeProvider Clock { get; }
    public EmulatorState State { get; }
    public Arns Arns { get; }
    public Pager Pager { get; }
    public FaultInjector Faults { get; }
    public RateLimiter RateLimiter { get; }
    public SigV4Verifier Verifier { get; }
    public RequestCounters Counters { get; } = new();
    public RouteTable Routes { get; } = new(ServiceModel.Operations);
    public HandlerRegistry Handlers { get; } = new();

    public OperationContext NewContext(DateTimeOffset now) => new(State, now, Options, Arns, Pager);

    public SeedResult Seed(SeedRequest request)
    {
        lock (State.Gate)
        {
            return Seeder.Seed(request, NewContext(Clock.GetUtcNow()));
        }
    }

    public StateSummary Summary()
    {
        lock (State.Gate)
        {
            return State.Summary();
        }
    }

    /// <summary>Back to an empty emulator: no resources, credentials, idempotency records, counts, faults or rate limits.</summary>
    public void Reset()
    {
        lock (State.Gate)
        {
            State.Reset();
        }

        Counters.Reset();
        Faults.Apply(new FaultSettings());
        RateLimiter.Apply(new RateLimitSettings());
    }

    public void Dispose() => State.Dispose();

    private SigningKey? FindSigningKey(string accessKeyId)
    {
        if (Options.AccessKeys.TryGetValue(accessKeyId, out var secret))
        {
            return new SigningKey(secret, null, null);
        }

        lock (State.Gate)
        {
            return State.Credentials.Find(accessKeyId) is { } temporary
                ? new SigningKey(temporary.SecretAccessKey, temporary.SessionToken, temporary.Expiration)
                : null;
        }
    }

    private static byte[] PageTokenKey(IStateStore store)
    {
        // Kept with the data so tokens handed out before a restart still work after it.
        if (store.GetMeta(PageTokenKeyName) is { } stored)
        {
            return Convert.FromBase64String(stored);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        store.SetMeta(PageTokenKeyName, Convert.ToBase64String(key));
        return key;
    }
}
