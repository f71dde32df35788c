using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Serialization;
using FinSpace.Emulator.Faults;
using FinSpace.Emulator.Handlers;
using FinSpace.Emulator.Sso;
using FinSpace.Emulator.Sts;
using System.Net.Http;
using System.Threading;
using FinSpace.Emulator.State.Records;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FinSpace.Emulator.Protocol;

/// <summary>
/// The one path every API request takes, driven by the service model: count, inject faults, read the
/// body, verify the signature, match the route, bind and validate, run the handler under the state
/// lock with idempotency, commit, respond.
/// </summary>
internal sealed class RequestPipeline
{
    public const string AdminPrefix = "/_emulator";

    private readonly EmulatorCore _core;
    private readonly AdminEndpoints _admin;
    private readonly SsoPortal _sso;
    private int _idempotencyWrites;

    public RequestPipeline(EmulatorCore core)
    {
        _core = core;
        _admin = new AdminEndpoints(core);
        _sso = new SsoPortal(core);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;

        // SDKs that correct clock skew read the server's Date: it must be the emulator's clock.
        context.Response.Headers.Date = _core.Clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var (rawPath, rawQuery) = SplitTarget(context);
        if (rawPath == AdminPrefix || rawPath.StartsWith(AdminPrefix + "/", StringComparison.Ordinal))
        {
            await _admin.HandleAsync(context, rawPath);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        if (rawPath == SsoPortal.Path)
        {
            // No FinSpace route shares this path; it is the SSO portal's, unsigned by design.
            await _sso.HandleAsync(context, rawQuery);
            Log(SsoPortal.OperationName, context, rawPath, started, requestId);
            return;
        }

        var refusal = PathSegments.Refusal(rawPath);
        var match = refusal is null ? _core.Routes.Match(context.Request.Method, rawPath) : null;
        var operationName = match?.Operation.Name ?? RequestCounters.UnknownOperation;
        _core.Counters.Increment(operationName);
        try
        {
            if (refusal is not null)
            {
                throw refusal;
            }

            await ProcessAsync(context, match, rawPath, rawQuery);
        }
        catch (ApiException error)
        {
            await ErrorWriter.WriteAsync(context.Response, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // Details stay inside: they could quote request content.
            await ErrorWriter.WriteAsync(context.Response, new ApiException(500, "InternalServerException", "The emulator failed to process the request."));
        }

        Log(operationName, context, rawPath, started, requestId);
    }

    private void Log(string operationName, HttpContext context, string rawPath, long started, string requestId) =>
        _core.Options.RequestLog?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{operationName} {context.Request.Method} {rawPath} -> {context.Response.StatusCode} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms ({requestId})"));

    private async Task ProcessAsync(HttpContext context, (OperationMetadata Operation, Dictionary<string, string> Labels)? match, string rawPath, string rawQuery)
    {
        // Before anything else, as AWS's front door does: a refused request costs the service nothing.
        if (match is { } limited && !_core.RateLimiter.TryAcquire(limited.Operation.Name))
        {
            _core.Counters.IncrementRateLimited(limited.Operation.Name);
            throw ApiException.Throttled();
        }

        var fault = match is { } m ? _core.Faults.Decide(m.Operation.Name) : (FaultKind.None, TimeSpan.Zero);
        if (fault.Item2 > TimeSpan.Zero)
        {
            await Task.Delay(fault.Item2, context.RequestAborted);
        }

        switch (fault.Item1)
        {
            case FaultKind.Throttle:
                throw ApiException.Throttled();
            case FaultKind.InternalError:
                throw new ApiException(500, "InternalServerException", "An internal error was injected by the emulator's fault settings.");
        }

        var body = await BodyReader.ReadAsync(context.Request, _core.Options.MaxRequestBodyBytes, context.RequestAborted);
        if (_core.Options.VerifySignatures)
        {
            await _core.Verifier.VerifyAsync(context.Request, rawPath, rawQuery, body, _core.Clock.GetUtcNow(), context.RequestAborted);
        }

        if (match is not { } route)
        {
            throw new ApiException(404, "UnknownOperationException", $"No operation matches {context.Request.Method} {rawPath}.");
        }

        var bound = RequestBinder.Bind(route.Operation, route.Labels, QueryString.Parse(rawQuery), body);
        var minted = await MintAsync(route.Operation.Name, context.RequestAborted);
        var response = Execute(bound, minted);

        context.Response.StatusCode = route.Operation.SuccessStatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Length;
        if (fault.Item1 == FaultKind.DropConnection)
        {
            // The operation ran and its result is committed; only the answer is lost, as when a
            // network drops a response. A retry with the same clientToken gets the first result.
            await context.Response.Body.WriteAsync(response.AsMemory(0, Math.Max(1, response.Length / 2)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(response, context.RequestAborted);
    }

    /// <summary>Keys from the storage's STS for the operations that hand keys out; asked before the state lock is taken.</summary>
    private async Task<IssuedKey?> MintAsync(string operation, CancellationToken cancellationToken)
    {
        if (_core.Mint is not { } mint || !CredentialHandlers.HandsOutKeys(operation))
        {
            return null;
        }

        try
        {
            return await mint.MintAsync("finspace-emulator", TimeSpan.FromHours(1), cancellationToken);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            throw new ApiException(500, "InternalServerException", "The STS next to the emulator's storage could not issue credentials.");
        }
    }

    private byte[] Execute(BoundRequest request, IssuedKey? minted)
    {
        var state = _core.State;
        lock (state.Gate)
        {
            var now = _core.Clock.GetUtcNow();
            try
            {
                string? key = request.ClientToken is { } token ? IdempotencyRecord.KeyOf(request.Operation.Name, token) : null;
                var previous = key is null ? null : state.Idempotency.Find(key);
                if (previous is not null && previous.Expires > now)
                {
                    if (previous.Fingerprint != request.Fingerprint)
                    {
                        throw ApiException.Conflict("The clientToken was already used with different parameters.", Reasons.ClientTokenReused);
                    }

                    return Encoding.UTF8.GetBytes(previous.ResponseJson);
                }

                var context = _core.NewContext(now, minted);
                var output = _core.Handlers.Invoke(request.Operation, request.Input, context);
                var bytes = JsonSerializer.SerializeToUtf8Bytes(output, FinSpaceJsonContext.Default.GetTypeInfo(request.Operation.Output.ClrType!)!);
                if (key is not null)
                {
                    Remember(key, request.Fingerprint, bytes, now, previous);
                }

                state.Commit();
                context.RunAfterCommit();
                return bytes;
            }
            catch
            {
                state.DiscardPending();
                throw;
            }
        }
    }

    private void Remember(string key, string fingerprint, byte[] response, DateTimeOffset now, IdempotencyRecord? expired)
    {
        var record = expired ?? new IdempotencyRecord { Id = key };
        record.Fingerprint = fingerprint;
        record.ResponseJson = Encoding.UTF8.GetString(response);
        record.Expires = now + _core.Options.IdempotencyWindow;
        _core.State.Idempotency.Save(record);

        // botocore sends a token with every create, so old records are swept now and then.
        if (++_idempotencyWrites % 1024 == 0)
        {
            foreach (var old in _core.State.Idempotency.Ordered.ToArray())
            {
                if (old.Expires <= now)
                {
                    _core.State.Idempotency.Remove(old.Id);
                }
            }
        }
    }

    private static (string Path, string Query) SplitTarget(HttpContext context)
    {
        // The raw target keeps the percent-encoding the client signed; Request.Path is already decoded.
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return (context.Request.Path.Value ?? "/", context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty);
        }

        var q = raw.IndexOf('?');
        return q < 0 ? (raw, string.Empty) : (raw[..q], raw[(q + 1)..]);
    }
}
