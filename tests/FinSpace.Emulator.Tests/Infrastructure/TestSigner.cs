using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>
/// A SigV4 signer written from the specification for the tests, independent of the emulator's
/// verifier (botocore in the conformance test is the other independent signer).
/// </summary>
internal static class TestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, string accessKeyId, string secret, string? sessionToken, DateTimeOffset when, string region = "us-east-1", string service = "finspace-api")
    {
        var amzDate = when.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.Remove("x-amz-date");
        request.Headers.Add("x-amz-date", amzDate);
        if (sessionToken is not null)
        {
            request.Headers.Add("x-amz-security-token", sessionToken);
        }

        var uri = request.RequestUri!;
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.Host = host;
        var headers = new List<(string Name, string Value)> { ("host", host), ("x-amz-date", amzDate) };
        if (sessionToken is not null)
        {
            headers.Add(("x-amz-security-token", sessionToken));
        }

        headers.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonical = string.Join('\n',
            request.Method.Method,
            CanonicalPath(uri.AbsolutePath),
            CanonicalQuery(uri.Query.TrimStart('?')),
            string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n")),
            signedHeaders,
            Hex(SHA256.HashData(body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, toSign));
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    // Non-S3 services sign the already-encoded path encoded once more, segment by segment.
    private static string CanonicalPath(string encodedPath) =>
        string.Join('/', encodedPath.Split('/').Select(Encode));

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    private static string Encode(string text) => Uri.EscapeDataString(text);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
