using System;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Emulator.Storage;

[assembly: AssemblyFixture(typeof(FinSpace.Emulator.Tests.Infrastructure.MotoFixture))]

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>
/// One moto_server (a real S3 and STS) shared by the tests that ask for it, started on first use so
/// tests that don't need it never wait for it. Missing moto_server fails those tests with the install hint.
/// Each test uses its own bucket, so sharing leaks nothing between them.
/// </summary>
public sealed class MotoFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MotoServer? _server;

    public async Task<Uri> EndpointAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _server ??= await MotoServer.StartAsync(CancellationToken.None);
            return _server.Endpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
