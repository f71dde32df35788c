using System;

namespace FinSpace.Emulator.Protocol;

/// <summary>
/// Refuses a request path that no route may be matched against: one with an empty segment (<c>//</c>,
/// a trailing <c>/</c>) or a dot segment (<c>.</c>, <c>..</c>, also percent-encoded as <c>%2E</c>).
/// A client, proxy or server that normalises such a path (RFC 3986, 5.2.4) sends or reads another URL
/// than the one built: <c>DELETE /permission-group/g/users/..</c> becomes DeletePermissionGroup. So the
/// emulator answers 400 and routes nothing, whatever the signature says.
/// </summary>
internal static class PathSegments
{
    /// <summary>The 400 answer for <paramref name="rawPath"/> (still percent-encoded), or null when every segment is a real one.</summary>
    public static ApiException? Refusal(string rawPath)
    {
        if (rawPath == "/")
        {
            return null;
        }

        foreach (var segment in rawPath.Substring(1).Split('/'))
        {
            if (segment.Length == 0)
            {
                return ApiException.Validation($"The request path {rawPath} has an empty segment: no operation is routed for it.", Reasons.MalformedRequest);
            }

            if (Uri.UnescapeDataString(segment) is "." or "..")
            {
                return ApiException.Validation($"The request path {rawPath} has a dot segment ('{segment}'): no operation is routed for it.", Reasons.MalformedRequest);
            }
        }

        return null;
    }
}
