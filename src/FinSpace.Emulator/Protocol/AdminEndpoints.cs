using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FinSpace.Emulator.Protocol;

/// <summary>
/// The admin surface over HTTP, under <c>/_emulator/</c> (no API route starts with an underscore).
/// Admin requests are never counted, signed, throttled or faulted.
/// </summary>
internal sealed class AdminEndpoints
{
    private readonly EmulatorCore _core;

    public AdminEndpoints(EmulatorCore core)
    {
        _core = core;
    }

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        var route = rawPath[RequestPipeline.AdminPrefix.Length..].Trim('/');
        var method = context.Request.Method.ToUpperInvariant();
        try
        {
            JsonNode? result = (method, route) switch
            {
                ("GET", "health") => new JsonObject { ["status"] = "ok" },
                ("GET", "config") => Config(),
                ("GET", "state") => Summary(),
                ("GET", "counters") => Counters(),
                ("DELETE", "counters") => ResetCounters(),
                ("GET", "faults") => Faults(_core.Faults.Settings),
                ("PUT", "faults") => SetFaults(await ReadJsonAsync(context)),
                ("DELETE", "faults") => SetFaults(new JsonObject()),
                ("GET", "limits") => Limits(_core.RateLimiter.Settings),
                ("PUT", "limits") => SetLimits(await ReadJsonAsync(context)),
                ("DELETE", "limits") => SetLimits(new JsonObject()),
                ("GET", "sso/tokens") => SsoRoles(),
                ("POST", "sso/tokens") => RegisterSsoToken(await ReadJsonAsync(context)),
                ("DELETE", "sso/tokens") => ClearSsoTokens(),
                ("POST", "seed") => Seed(await ReadJsonAsync(context)),
                ("POST", "reset") => Reset(),
                _ => null,
            };
            if (result is null)
            {
                await WriteAsync(context, 404, new JsonObject { ["message"] = $"No admin endpoint {method} {rawPath}. See GET /_emulator/health, config, state, counters, faults, limits; PUT faults, limits; GET/POST/DELETE sso/tokens; POST seed, reset." });
                return;
            }

            await WriteAsync(context, 200, result);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            await WriteAsync(context, 400, new JsonObject { ["message"] = e.Message });
        }
    }

    private JsonObject Config()
    {
        var o = _core.Options;
        var t = o.Lifecycle;
        return new JsonObject
        {
            ["region"] = o.Region,
            ["accountId"] = o.AccountId,
            ["verifySignatures"] = o.VerifySignatures,
            ["stsEndpoint"] = o.StsEndpoint?.ToString(),
            ["persistent"] = o.DataDirectory is not null,
            ["defaultPageSize"] = o.DefaultPageSize,
            ["lifecycleMs"] = new JsonObject
            {
                ["changesetPending"] = t.ChangesetPending.TotalMilliseconds,
                ["changesetRunning"] = t.ChangesetRunning.TotalMilliseconds,
                ["dataViewStarting"] = t.DataViewStarting.TotalMilliseconds,
                ["dataViewRunning"] = t.DataViewRunning.TotalMilliseconds,
                ["datasetPending"] = t.DatasetPending.TotalMilliseconds,
                ["datasetRunning"] = t.DatasetRunning.TotalMilliseconds,
                ["userCreating"] = t.UserCreating.TotalMilliseconds,
            },
            ["rateLimits"] = Limits(_core.RateLimiter.Settings),
            ["workingLocation"] = new JsonObject
            {
                ["bucket"] = o.WorkingLocation.Bucket,
                ["pathPrefix"] = o.WorkingLocation.PathPrefix,
                ["s3Endpoint"] = o.WorkingLocation.S3Endpoint?.ToString(),
                ["storage"] = o.WorkingLocation.S3Endpoint is null ? "simulated" : "s3",
            },
        };
    }

    private JsonObject Summary()
    {
        var s = _core.Summary();
        return new JsonObject
        {
            ["datasets"] = s.Datasets,
            ["changesets"] = s.Changesets,
            ["dataViews"] = s.DataViews,
            ["permissionGroups"] = s.PermissionGroups,
            ["users"] = s.Users,
            ["memberships"] = s.Memberships,
        };
    }

    private JsonObject Counters()
    {
        var operations = new JsonObject();
        foreach (var (name, count) in _core.Counters.Snapshot())
        {
            operations[name] = count;
        }

        var rateLimited = new JsonObject();
        foreach (var (name, count) in _core.Counters.RateLimitedSnapshot())
        {
            rateLimited[name] = count;
        }

        return new JsonObject
        {
            ["total"] = _core.Counters.Total,
            ["operations"] = operations,
            ["rateLimited"] = new JsonObject { ["total"] = _core.Counters.RateLimited, ["operations"] = rateLimited },
        };
    }

    private JsonObject ResetCounters()
    {
        _core.Counters.Reset();
        return Counters();
    }

    private JsonObject SetFaults(JsonObject body)
    {
        var settings = new FaultSettings
        {
            ThrottleRate = Number(body, "throttleRate"),
            ErrorRate = Number(body, "errorRate"),
            DropRate = Number(body, "dropRate"),
            Latency = TimeSpan.FromMilliseconds(Number(body, "latencyMs")),
            Seed = (int)Number(body, "seed", 1),
            Operations = body["operations"] is JsonArray ops ? ops.Select(o => o!.GetValue<string>()).ToList() : null,
        };
        _core.Faults.Apply(settings);
        return Faults(_core.Faults.Settings);
    }

    private static JsonObject Faults(FaultSettings s) => new()
    {
        ["throttleRate"] = s.ThrottleRate,
        ["errorRate"] = s.ErrorRate,
        ["dropRate"] = s.DropRate,
        ["latencyMs"] = s.Latency.TotalMilliseconds,
        ["seed"] = s.Seed,
        ["operations"] = s.Operations is null ? null : new JsonArray(s.Operations.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
    };

    private JsonObject SetLimits(JsonObject body)
    {
        var settings = new RateLimitSettings
        {
            RequestsPerSecond = Number(body, "requestsPerSecond"),
            Burst = body["burst"] is JsonValue burst ? burst.GetValue<int>() : null,
        };
        if (body["operations"] is JsonObject operations)
        {
            foreach (var (name, value) in operations)
            {
                // A bare number is the rate; an object may add the burst.
                settings.Operations[name] = value switch
                {
                    JsonValue rate => new OperationRateLimit(rate.GetValue<double>()),
                    JsonObject limit => new OperationRateLimit(Number(limit, "requestsPerSecond"), limit["burst"] is JsonValue b ? b.GetValue<int>() : null),
                    _ => throw new ArgumentException($"The limit of '{name}' must be a number or {{\"requestsPerSecond\":…,\"burst\":…}}."),
                };
            }
        }

        _core.RateLimiter.Apply(settings);
        return Limits(_core.RateLimiter.Settings);
    }

    private static JsonObject Limits(RateLimitSettings s)
    {
        var operations = new JsonObject();
        foreach (var (name, limit) in s.Operations.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            operations[name] = new JsonObject { ["requestsPerSecond"] = limit.RequestsPerSecond, ["burst"] = limit.EffectiveBurst };
        }

        return new JsonObject
        {
            ["requestsPerSecond"] = s.RequestsPerSecond,
            ["burst"] = s.RequestsPerSecond > 0 ? new OperationRateLimit(s.RequestsPerSecond, s.Burst).EffectiveBurst : s.Burst,
            ["operations"] = operations,
        };
    }

    private JsonObject RegisterSsoToken(JsonObject body)
    {
        string Text(string name) => body[name] is JsonValue v && v.GetValue<string>() is { Length: > 0 } s
            ? s
            : throw new ArgumentException($"'{name}' is required: {{\"accessToken\":…,\"accountId\":…,\"roleName\":…}}.");
        _core.SsoTokens.Register(new SsoToken(Text("accessToken"), Text("accountId"), Text("roleName")));
        return SsoRoles();
    }

    private JsonObject ClearSsoTokens()
    {
        _core.SsoTokens.Clear();
        return SsoRoles();
    }

    // Lists what the tokens open, never the tokens: they are bearer secrets.
    private JsonObject SsoRoles() => new()
    {
        ["tokens"] = _core.SsoTokens.Count,
        ["roles"] = new JsonArray(_core.SsoTokens.Roles().Select(r => (JsonNode)new JsonObject { ["accountId"] = r.AccountId, ["roleName"] = r.RoleName }).ToArray()),
    };

    private JsonObject Seed(JsonObject body)
    {
        var result = _core.Seed(new SeedRequest
        {
            Datasets = (int)Number(body, "datasets"),
            Users = (int)Number(body, "users"),
            PermissionGroups = (int)Number(body, "permissionGroups"),
            MembershipsPerUser = (int)Number(body, "membershipsPerUser"),
            ChangesetsPerDataset = (int)Number(body, "changesetsPerDataset"),
        });
        return new JsonObject
        {
            ["datasets"] = result.Datasets,
            ["users"] = result.Users,
            ["permissionGroups"] = result.PermissionGroups,
            ["memberships"] = result.Memberships,
            ["changesets"] = result.Changesets,
            ["elapsedMs"] = Math.Round(result.Elapsed.TotalMilliseconds, 1),
        };
    }

    private JsonObject Reset()
    {
        _core.Reset();
        return Summary();
    }

    private static double Number(JsonObject body, string name, double fallback = 0) =>
        body[name] is JsonValue value ? value.GetValue<double>() : fallback;

    private static async Task<JsonObject> ReadJsonAsync(HttpContext context)
    {
        var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        return node as JsonObject ?? (node is null ? new JsonObject() : throw new JsonException("The admin request body must be a JSON object."));
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
