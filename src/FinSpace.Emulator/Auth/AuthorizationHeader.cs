using System;

namespace FinSpace.Emulator.Auth;

/// <summary>The parts of an <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.</summary>
internal sealed record AuthorizationHeader(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    string Terminator,
    string[] SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <summary>The parsed header, or null when it is not a complete SigV4 header.</summary>
    public static AuthorizationHeader? Parse(string value)
    {
        if (!value.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value[(Algorithm.Length + 1)..].Split(','))
        {
            var pair = part.Trim();
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var name = pair[..eq];
            var text = pair[(eq + 1)..];
            switch (name)
            {
                case "Credential": credential = text; break;
                case "SignedHeaders": signedHeaders = text; break;
                case "Signature": signature = text; break;
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            return null;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[0].Length == 0)
        {
            return null;
        }

        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders.Split(';'), signature);
    }
}
