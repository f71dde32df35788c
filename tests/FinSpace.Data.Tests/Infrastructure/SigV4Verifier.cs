using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// An independent Signature Version 4 check, written from the AWS specification: rebuilds the
/// canonical request from what the server received and recomputes the HMAC-SHA256 chain. It shares
/// no code with the SDK's signer, so agreement means the request is signed as a service would verify it.
/// </summary>
public static partial class SigV4Verifier
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    public sealed record Parsed(string AccessKey, string Date, string Region, string Service, string[] SignedHeaders, string Signature);

    public static Parsed Parse(RecordedRequest request)
    {
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        var match = AuthorizationPattern().Match(authorization!);
        Assert.True(match.Success, $"Authorization header is not SigV4: {authorization}");
        return new Parsed(
            match.Groups["key"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'),
            match.Groups["signature"].Value);
    }

    /// <summary>Asserts the request carries a valid SigV4 signature for the given key, region and service.</summary>
    public static void AssertValid(RecordedRequest request, string accessKey, string secretKey, string region, string service = "finspace-api")
    {
        var parsed = Parse(request);
        Assert.Equal(accessKey, parsed.AccessKey);
        Assert.Equal(region, parsed.Region);
        Assert.Equal(service, parsed.Service);
        Assert.Contains("host", parsed.SignedHeaders);
        Assert.Contains("x-amz-date", parsed.SignedHeaders);

        var amzDate = request.Header("X-Amz-Date");
        Assert.NotNull(amzDate);
        Assert.StartsWith(parsed.Date, amzDate);

        var canonical = CanonicalRequest(request, parsed.SignedHeaders);
        var scope = $"{parsed.Date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), parsed.Date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        Assert.True(expected == parsed.Signature, $"Signature mismatch.\nCanonical request:\n{canonical}");
    }

    /// <summary>The canonical request per the SigV4 spec, for a non-S3 service (path encoded twice).</summary>
    public static string CanonicalRequest(RecordedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = request.Header(name);
            Assert.True(value is not null, $"Signed header '{name}' was not received by the server.");
            builder.Append(name).Append(':').Append(TrimAll(value!)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(";", signedHeaders)).Append('\n');
        // Hash of the bytes actually received, not the x-amz-content-sha256 claim: this also proves the body was signed.
        builder.Append(Hex(SHA256.HashData(request.Body)));
        return builder.ToString();
    }

    // The path as received is already encoded once; the spec encodes each segment again.
    private static string CanonicalUri(string rawPath) => rawPath.Length == 0 ? "/" : Encode(rawPath, keepSlash: true);

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = rawQuery.Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            return (Name: Encode(name, keepSlash: false), Value: Encode(value, keepSlash: false));
        });
        return string.Join("&", pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value));
    }

    private static string Encode(string value, bool keepSlash)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    private static string TrimAll(string value) => Regex.Replace(value.Trim(), " +", " ");

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
