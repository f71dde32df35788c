using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.Auth;
using FinSpace.Emulator.Faults;
using FinSpace.Emulator.Handlers;
using FinSpace.Emulator.Jobs;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.Sso;
using FinSpace.Emulator.State;
using FinSpace.Emulator.Storage;
using FinSpace.Emulator.Sts;

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
        if (options.StsEndpoint is { } sts)
        {
            StsKeys = new StsKeyDirectory(ct => MotoStateReader.ReadAsync(Http, sts, ct));
        }

        SsoTokens = new SsoTokenRegistry(options.SsoTokens);
        if (options.WorkingLocation.S3Endpoint is { } s3)
        {
            Objects = new ObjectStore(s3);

            // moto serves STS beside S3, so without an explicit STS the storage's own endpoint mints.
            Mint = new CredentialMint(options.StsEndpoint ?? s3, options.AccountId);
        }

        Data = options.DataDirectory is { } dataDirectory ? new SqliteDataStore(dataDirectory) : new MemoryDataStore();
        Jobs = Objects is null ? null : new DataJobs(this, Objects);

        Verifier = new SigV4Verifier(FindSigningKeyAsync, options.AllowedClockSkew);
    }

    public EmulatorOptions Options { get; }
    public TimeProvider Clock { get; }
    public EmulatorState State { get; }
    public Arns Arns { get; }
    public Pager Pager { get; }
    public FaultInjector Faults { get; }
    public RateLimiter RateLimiter { get; }
    public SigV4Verifier Verifier { get; }

    /// <summary>Keys issued by the STS at <see cref="EmulatorOptions.StsEndpoint"/>; null without one.</summary>
    public StsKeyDirectory? StsKeys { get; }

    /// <summary>The S3 endpoint holding working locations and data; null keeps today's storage-less behaviour.</summary>
    public ObjectStore? Objects { get; }

    /// <summary>Issues the keys handed out by GetProgrammaticAccessCredentials and GetExternalDataViewAccessDetails when storage is real.</summary>
    public CredentialMint? Mint { get; }

    /// <summary>Rows and files changesets ingested.</summary>
    public IDataStore Data { get; }

    /// <summary>Runs ingestions and exports off the request path; null when storage is simulated.</summary>
    public DataJobs? Jobs { get; }

    /// <summary>Bearer tokens the SSO portal route accepts.</summary>
    public SsoTokenRegistry SsoTokens { get; }

    /// <summary>For the emulator's own calls to the S3 and STS endpoints it was given.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public RequestCounters Counters { get; } = new();
    public RouteTable Routes { get; } = new(ServiceModel.Operations);
    public HandlerRegistry Handlers { get; } = new();

    public OperationContext NewContext(DateTimeOffset now, IssuedKey? minted = null) => new(State, now, Options, Arns, Pager, Data, minted, Jobs);

    /// <summary>Creates the working bucket and the prefixes GetWorkingLocation hands out, so they exist in S3.</summary>
    public async Task PrepareStorageAsync(CancellationToken cancellationToken)
    {
        if (Objects is null)
        {
            return;
        }

        var location = Options.WorkingLocation;
        await Objects.EnsureBucketAsync(location.Bucket, cancellationToken).ConfigureAwait(false);
        foreach (var prefix in WorkingPrefixes(location))
        {
            // Zero-byte folder markers, as the S3 console makes: the prefixes show up in listings.
            await Objects.PutAsync(location.Bucket, prefix, [], cancellationToken).ConfigureAwait(false);
        }
    }

    public static string[] WorkingPrefixes(WorkingLocationOptions location) =>
    [
        location.PathPrefix,
        .. LocationType.Values.Select(t => $"{location.PathPrefix}{t.Value.ToLowerInvariant()}/"),
        $"{location.PathPrefix}dataviews/",
    ];

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
            Data.Clear();
        }

        Counters.Reset();
        Faults.Apply(new FaultSettings());
        RateLimiter.Apply(new RateLimitSettings());
    }

    public void Dispose()
    {
        Http.Dispose();
        Data.Dispose();
        Objects?.Dispose();
        Mint?.Dispose();
        State.Dispose();
    }

    private async ValueTask<SigningKey?> FindSigningKeyAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        if (Options.AccessKeys.TryGetValue(accessKeyId, out var secret))
        {
            return new SigningKey(secret, null, null);
        }

        lock (State.Gate)
        {
            if (State.Credentials.Find(accessKeyId) is { } temporary)
            {
                return new SigningKey(temporary.SecretAccessKey, temporary.SessionToken, temporary.Expiration);
            }
        }

        // Keys from an external STS carry no expiry in its state dump; that STS decides how long they live.
        return StsKeys is not null && await StsKeys.FindAsync(accessKeyId, cancellationToken).ConfigureAwait(false) is { } issued
            ? new SigningKey(issued.SecretAccessKey, issued.SessionToken, null)
            : null;
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
