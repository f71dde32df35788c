using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinSpace.Emulator;

/// <summary>
/// A running FinSpace Data emulator: the service's REST-JSON API on <see cref="BaseAddress"/>.
/// <code>
/// await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { Lifecycle = LifecycleTimings.Instant });
/// // point a client at emulator.BaseAddress with EmulatorCredentials.AccessKeyId / SecretAccessKey
/// </code>
/// </summary>
public sealed class FinSpaceEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorCore _core;
    private readonly MotoServer? _moto;
    private int _disposed;

    private FinSpaceEmulator(WebApplication app, EmulatorCore core, Uri baseAddress, MotoServer? moto)
    {
        _app = app;
        _core = core;
        _moto = moto;
        BaseAddress = baseAddress;
        Admin = new EmulatorAdmin(core);
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The instance's internals, for the emulator's own tests.</summary>
    internal EmulatorCore Core => _core;

    /// <summary>Seed, faults, request counters and reset, in process.</summary>
    public EmulatorAdmin Admin { get; }

    /// <summary>The options this emulator runs with (a copy taken at start; changing it changes nothing).</summary>
    public EmulatorOptions Options => _core.Options.Clone();

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    public static async Task<FinSpaceEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var effective = (options ?? new EmulatorOptions()).Clone();
        effective.Validate();
        MotoServer? moto = null;
        if (effective.StartMoto)
        {
            moto = await MotoServer.StartAsync(cancellationToken).ConfigureAwait(false);
            effective.WorkingLocation.S3Endpoint ??= moto.Endpoint;
            effective.StsEndpoint ??= moto.Endpoint;
        }

        EmulatorCore core;
        try
        {
            core = new EmulatorCore(effective);
        }
        catch
        {
            if (moto is not null)
            {
                await moto.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        try
        {
            await core.PrepareStorageAsync(cancellationToken).ConfigureAwait(false);
            core.Jobs?.ResumeUnfinished();
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(FinSpaceEmulator).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });

            // The emulator reports through its own request log; framework logging would only add noise.
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = null;
                kestrel.Listen(ParseHost(effective.Host), effective.Port);
            });
            var app = builder.Build();
            var pipeline = new RequestPipeline(core);
            app.Run(pipeline.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var bound = new Uri(address);
            var host = IPAddress.TryParse(effective.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) ? "127.0.0.1" : bound.Host;
            return new FinSpaceEmulator(app, core, new UriBuilder("http", host, bound.Port, "/").Uri, moto);
        }
        catch
        {
            core.Dispose();
            if (moto is not null)
            {
                await moto.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Stops listening and closes the data store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);

            // Jobs record their outcome in the store, so they stop before it closes.
            if (_core.Jobs is { } jobs)
            {
                await jobs.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            // Taken under the gate so no request is halfway through a commit when the store closes.
            lock (_core.State.Gate)
            {
                _core.Dispose();
            }

            if (_moto is not null)
            {
                await _moto.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static IPAddress ParseHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : throw new ArgumentException($"Host must be an IP address or 'localhost' (got '{host}').");
}
