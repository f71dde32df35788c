using System;
using System.Threading.Tasks;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// One signed emulator for the core tests, reached exactly as a cmdlet reaches the service:
/// ConnectionResolver → ClientCache → FinSpaceServices, with SigV4 verified by the emulator.
/// Lifecycle steps are short but not zero, so waits observe a status change.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(150);

    public FinSpaceEmulator Emulator { get; private set; } = null!;
    public FinSpaceServices Services { get; private set; } = null!;
    public ConnectionParameters Connection { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { Lifecycle = LifecycleTimings.Uniform(Step) });
        Connection = ConnectionTo(Emulator);
        Services = ServicesFor(Emulator);
    }

    /// <summary>The connection parameters a cmdlet would be given for <paramref name="emulator"/>, signing with <paramref name="secretKey"/>.</summary>
    public static ConnectionParameters ConnectionTo(FinSpaceEmulator emulator, string secretKey = EmulatorCredentials.SecretAccessKey) => new()
    {
        EndpointUrl = emulator.BaseAddress.ToString(),
        Region = "us-east-1",
        AccessKey = EmulatorCredentials.AccessKeyId,
        SecretKey = secretKey,
    };

    /// <summary>Services over a client of its own for <paramref name="emulator"/>, reached as a cmdlet reaches them.</summary>
    public static FinSpaceServices ServicesFor(FinSpaceEmulator emulator, string secretKey = EmulatorCredentials.SecretAccessKey) =>
        new ClientCache().GetServices(ConnectionResolver.Resolve(ConnectionTo(emulator, secretKey)));

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>Requests the emulator received for one operation since the counters were last read this way.</summary>
    public long Count(string operation) => Emulator.Admin.Counters[operation];

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Signed emulator";
}
