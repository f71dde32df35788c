using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FinSpace.Emulator.Auth;

/// <summary>
/// Rebuilds the SigV4 canonical request from what was received. For services other than S3 the
/// canonical URI is the normalized path with each segment URI-encoded once more (so an id sent as
/// <c>a%2Fb</c> is signed as <c>a%252Fb</c>), and the query is decoded, re-encoded and sorted.
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(HttpRequest request, string rawPath, string rawQuery, string[] signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(rawPath)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(HeaderValue(request, name)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string CanonicalPath(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        // Remove dot segments and empty segments as clients normalize before signing.
        var output = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(Encode(segment));
        }

        var path = "/" + string.Join('/', output);
        if (rawPath.EndsWith('/') && output.Count > 0)
        {
            path += "/";
        }

        return path;
    }

    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            pairs.Add((Encode(Uri.UnescapeDataString(key)), Encode(Uri.UnescapeDataString(value))));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding: everything but unreserved characters as upper-case %XX of its UTF-8 bytes.</summary>
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string HeaderValue(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return string.Join(',', values.Select(v => string.Join(' ', (v ?? string.Empty).Split(' ', '\t').Where(p => p.Length > 0))));
    }
}
