using System;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Emulator.Protocol;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;
using Microsoft.AspNetCore.Http;

namespace FinSpace.Emulator.Sso;

/// <summary>
/// The AWS SSO portal's GetRoleCredentials (<c>GET /federation/credentials?role_name=…&amp;account_id=…</c>,
/// bearer token in <c>x-amz-sso_bearer_token</c>, unsigned), as botocore's <c>sso</c> model defines it.
/// It hands out fresh temporary keys that this emulator then accepts for SigV4, so a client's SSO
/// credential provider can be tested end to end with AWS_ENDPOINT_URL_SSO pointing here.
/// </summary>
internal sealed class SsoPortal
{
    public const string Path = "/federation/credentials";
    public const string OperationName = "GetRoleCredentials";
    public const string TokenHeader = "x-amz-sso_bearer_token";

    /// <summary>How long the credentials last; the portal's own default for a permission set is one hour.</summary>
    public static readonly TimeSpan CredentialLifetime = TimeSpan.FromHours(1);

    private readonly EmulatorCore _core;

    public SsoPortal(EmulatorCore core)
    {
        _core = core;
    }

    public async Task HandleAsync(HttpContext context, string rawQuery)
    {
        _core.Counters.Increment(OperationName);
        try
        {
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                throw new ApiException(404, "UnknownOperationException", $"No operation matches {context.Request.Method} {Path}.");
            }

            var query = Protocol.QueryString.Parse(rawQuery);
            var roleName = query.TryGetValue("role_name", out var r) ? r : null;
            var accountId = query.TryGetValue("account_id", out var a) ? a : null;
            if (string.IsNullOrEmpty(roleName) || string.IsNullOrEmpty(accountId))
            {
                throw new ApiException(400, "InvalidRequestException", "role_name and account_id are required.");
            }

            var token = context.Request.Headers[TokenHeader].ToString();
            var (known, allowed) = token.Length == 0 ? (false, false) : _core.SsoTokens.Check(token, accountId, roleName);
            if (!known)
            {
                throw new ApiException(401, "UnauthorizedException", "Session token not found or invalid");
            }

            if (!allowed)
            {
                throw new ApiException(404, "ResourceNotFoundException", $"No access to role '{roleName}' in account '{accountId}'.");
            }

            var credential = Issue();
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                roleCredentials = new
                {
                    accessKeyId = credential.Id,
                    secretAccessKey = credential.SecretAccessKey,
                    sessionToken = credential.SessionToken,
                    expiration = credential.Expiration.ToUnixTimeMilliseconds(),
                },
            });
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (ApiException error)
        {
            await ErrorWriter.WriteAsync(context.Response, error);
        }
    }

    private TemporaryCredentialRecord Issue()
    {
        var state = _core.State;
        lock (state.Gate)
        {
            var credential = new TemporaryCredentialRecord
            {
                Id = IdGenerator.NewTemporaryAccessKeyId(),
                SecretAccessKey = IdGenerator.NewSecret(),
                SessionToken = IdGenerator.NewSessionToken(),
                Expiration = _core.Clock.GetUtcNow() + CredentialLifetime,
            };
            try
            {
                state.Credentials.Save(credential);
                state.Commit();
            }
            catch
            {
                state.DiscardPending();
                throw;
            }

            return credential;
        }
    }
}
