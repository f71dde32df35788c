using System;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>Starts in-process emulators on a free loopback port with settings convenient for tests.</summary>
internal static class Emulators
{
    public static Task<FinSpaceEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Lifecycle = LifecycleTimings.Instant };
        configure?.Invoke(options);
        return FinSpaceEmulator.StartAsync(options, TestContext.Current.CancellationToken);
    }

    public static ApiClient Client(this FinSpaceEmulator emulator, TimeProvider? clock = null) => new(emulator.BaseAddress, clock);
}
