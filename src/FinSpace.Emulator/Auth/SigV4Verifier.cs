using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using FinSpace.Emulator.Protocol;

namespace FinSpace.Emulator.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 (Authorization-header form) for service <c>finspace-api</c> and
/// answers with the error codes AWS uses, so clients' own handling (clock-skew correction included)
/// behaves as against the real service.
/// </summary>
internal sealed class SigV4Verifier
{
    private readonly Func<string, CancellationToken, ValueTask<SigningKey?>> _findKey;
    private readonly TimeSpan _allowedSkew;

    public SigV4Verifier(Func<string, CancellationToken, ValueTask<SigningKey?>> findKey, TimeSpan allowedSkew)
    {
        _findKey = findKey;
        _allowedSkew = allowedSkew;
    }

    /// <summary>Verifies the request; the key lookup may ask an external STS, hence asynchronous.</summary>
    public async Task VerifyAsync(HttpRequest request, string rawPath, string rawQuery, ReadOnlyMemory<byte> body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            throw new ApiException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var header = AuthorizationHeader.Parse(authorization)
            ?? throw new ApiException(400, "IncompleteSignatureException", "The Authorization header must have the form 'AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…'.");

        if (await _findKey(header.AccessKeyId, cancellationToken).ConfigureAwait(false) is not { } key)
        {
            throw new ApiException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        Verify(request, header, key, rawPath, rawQuery, body.Span, now);
    }

    private void Verify(HttpRequest request, AuthorizationHeader header, SigningKey key, string rawPath, string rawQuery, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (key.SessionToken is not null)
        {
            var token = request.Headers["x-amz-security-token"].ToString();
            if (!FixedTimeEquals(token, key.SessionToken))
            {
                throw new ApiException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
            }

            if (key.Expiration is { } expiration && now >= expiration)
            {
                throw new ApiException(403, "ExpiredTokenException", "The security token included in the request is expired");
            }
        }
        else if (request.Headers.ContainsKey("x-amz-security-token"))
        {
            // A long-term key has no session token: AWS refuses one sent with it, whatever it holds.
            throw new ApiException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        var amzDate = RequestDate(request);
        CheckScope(header, amzDate);
        CheckSkew(amzDate, now);

        // A declared payload hash is what the client signed, so it must also be the body's hash:
        // otherwise a body could be swapped under a valid signature.
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        if (payloadHash.Length == 0)
        {
            payloadHash = bodyHash;
        }
        else if (payloadHash != "UNSIGNED-PAYLOAD" && !string.Equals(payloadHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(403, "InvalidSignatureException", "The x-amz-content-sha256 header does not match the SHA-256 of the request body.");
        }

        var canonical = CanonicalRequest.Build(request, rawPath, rawQuery, header.SignedHeaders, payloadHash);
        var stringToSign = string.Join('\n',
            AuthorizationHeader.Algorithm,
            amzDate.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            header.Scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var signingKey = DeriveKey(key.SecretAccessKey, header.Date, header.Region, header.Service);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!FixedTimeEquals(expected, header.Signature))
        {
            throw new ApiException(403, "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    private static DateTimeOffset RequestDate(HttpRequest request)
    {
        var text = request.Headers["x-amz-date"].ToString();
        if (text.Length > 0 && DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var amzDate))
        {
            return amzDate;
        }

        var date = request.Headers.Date.ToString();
        if (date.Length > 0 && DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var httpDate))
        {
            return httpDate;
        }

        throw new ApiException(400, "IncompleteSignatureException", "A signed request needs an X-Amz-Date header (yyyyMMddTHHmmssZ) or a Date header.");
    }

    private static void CheckScope(AuthorizationHeader header, DateTimeOffset amzDate)
    {
        if (header.Service != "finspace-api")
        {
            throw new ApiException(403, "InvalidSignatureException", $"Credential should be scoped to correct service: 'finspace-api'.");
        }

        if (header.Terminator != "aws4_request")
        {
            throw new ApiException(403, "InvalidSignatureException", "Credential should be scoped with a valid terminator: 'aws4_request'.");
        }

        if (header.Date != amzDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
        {
            throw new ApiException(403, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }
    }

    private void CheckSkew(DateTimeOffset amzDate, DateTimeOffset now)
    {
        // The same wording as AWS: SDKs that correct clock skew recognise the code and read the
        // server's Date header, which every response carries.
        const string format = "yyyyMMdd'T'HHmmss'Z'";
        var minutes = _allowedSkew.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        if (amzDate < now - _allowedSkew)
        {
            throw new ApiException(403, "InvalidSignatureException",
                $"Signature expired: {amzDate.ToString(format, CultureInfo.InvariantCulture)} is now earlier than {(now - _allowedSkew).ToString(format, CultureInfo.InvariantCulture)} ({now.ToString(format, CultureInfo.InvariantCulture)} - {minutes} min.)");
        }

        if (amzDate > now + _allowedSkew)
        {
            throw new ApiException(403, "InvalidSignatureException",
                $"Signature not yet current: {amzDate.ToString(format, CultureInfo.InvariantCulture)} is still later than {(now + _allowedSkew).ToString(format, CultureInfo.InvariantCulture)} ({now.ToString(format, CultureInfo.InvariantCulture)} + {minutes} min.)");
        }
    }

    private static byte[] DeriveKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
