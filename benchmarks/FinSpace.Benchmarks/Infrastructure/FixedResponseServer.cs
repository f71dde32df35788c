using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>
/// A bare Kestrel endpoint that answers every GET with <see cref="CannedResponses.GetDataset"/> and every
/// other request with <see cref="CannedResponses.CreateDataset"/>: no routing, no signature check, no
/// state, so a per-call benchmark measures the client and the loopback socket, not a server.
/// It runs in its own process (<see cref="FixedServerProcess"/>) because BenchmarkDotNet's allocation
/// counter is process-wide: in process, the server's allocations would be charged to the client.
/// </summary>
internal static class FixedResponseServer
{
    public const string Mode = "fixed-server";

    /// <summary>Serves until standard input closes; prints "listening <url>" once ready.</summary>
    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        await using var app = builder.Build();
        app.Run(AnswerAsync);
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        foreach (var url in address)
        {
            Console.WriteLine("listening " + url);
        }

        Console.Out.Flush();

        // The parent holds our standard input open; when it exits or closes it, we stop.
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        // Read the request body so the connection stays reusable, as a real server would.
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await context.Request.Body.CopyToAsync(System.IO.Stream.Null).ConfigureAwait(false);
        }

        var body = HttpMethods.IsGet(context.Request.Method) ? CannedResponses.GetDataset : CannedResponses.CreateDataset;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        response.Headers["x-amzn-RequestId"] = CannedResponses.RequestId;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
