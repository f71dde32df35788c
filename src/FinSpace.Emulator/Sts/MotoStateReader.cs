using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Sts;

/// <summary>
/// Reads the keys a moto server's STS has issued from its state dump (<c>GET /moto-api/data.json</c>,
/// <c>sts.AssumedRole[]</c>), which covers AssumeRole, AssumeRoleWithWebIdentity and AssumeRoleWithSAML.
/// </summary>
internal static class MotoStateReader
{
    public static async Task<IReadOnlyList<IssuedKey>> ReadAsync(HttpClient http, Uri endpoint, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(endpoint, "/moto-api/data.json"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var keys = new List<IssuedKey>();
        if (document.RootElement.TryGetProperty("sts", out var sts) && sts.TryGetProperty("AssumedRole", out var roles) && roles.ValueKind == JsonValueKind.Array)
        {
            foreach (var role in roles.EnumerateArray())
            {
                if (Text(role, "access_key_id") is { } id && Text(role, "secret_access_key") is { } secret && Text(role, "session_token") is { } token)
                {
                    keys.Add(new IssuedKey(id, secret, token));
                }
            }
        }

        return keys;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
