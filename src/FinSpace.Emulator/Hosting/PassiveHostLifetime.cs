using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace FinSpace.Emulator;

/// <summary>
/// Replaces the console lifetime: an emulator hosted inside a test or benchmark must not take over the
/// process's Ctrl+C and SIGTERM handling. The command line handles signals itself.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
