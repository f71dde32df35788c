using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 (ephemeral port) that records every request byte for byte and
/// answers from a script: queued responses first, then <see cref="Responder"/>, then <see cref="Default"/>.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly object _gate = new();

    private RecordingServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The base URL as a ServiceURL ("http://127.0.0.1:port/").</summary>
    public string BaseUrl => BaseUri.ToString();

    /// <summary>Answers requests the queue does not cover; null falls through to <see cref="Default"/>.</summary>
    public Func<RecordedRequest, ScriptedResponse?>? Responder { get; set; }

    public ScriptedResponse Default { get; set; } = ScriptedResponse.Json("{}");

    /// <summary>Raised when a request has been recorded, before it is answered.</summary>
    public event Action<RecordedRequest>? Received;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        RecordingServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new RecordingServer(app, new Uri(address.Replace("[::]", "127.0.0.1") + "/"));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value.ToArray());
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var recorded = new RecordedRequest(context.Request.Method, rawTarget, headers, body.ToArray());
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        Received?.Invoke(recorded);

        var response = _script.TryDequeue(out var queued) ? queued : Responder?.Invoke(recorded) ?? Default;
        if (response.Stall)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var header in response.Headers)
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (response.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength = bytes.Length;
            if (response.Drop)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return;
            }

            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
