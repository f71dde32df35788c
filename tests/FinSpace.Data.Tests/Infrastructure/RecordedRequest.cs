using System;
using System.Collections.Generic;
using System.Text;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>One request exactly as the loopback server received it.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        RawTarget = rawTarget;
        var question = rawTarget.IndexOf('?');
        RawPath = question < 0 ? rawTarget : rawTarget.Substring(0, question);
        RawQuery = question < 0 ? string.Empty : rawTarget.Substring(question + 1);
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The clientToken member of the JSON body.</summary>
    public string ClientToken =>
        System.Text.Json.JsonDocument.Parse(Body).RootElement.GetProperty("clientToken").GetString()!;

    /// <summary>The request target as sent on the request line, still percent-encoded.</summary>
    public string RawTarget { get; }

    public string RawPath { get; }

    /// <summary>The query string without the '?', still percent-encoded.</summary>
    public string RawQuery { get; }

    /// <summary>Headers by name (case-insensitive); repeated headers joined with ','.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The decoded query parameters, in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters
    {
        get
        {
            var result = new List<KeyValuePair<string, string>>();
            if (RawQuery.Length == 0)
            {
                return result;
            }

            foreach (var pair in RawQuery.Split('&'))
            {
                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair.Substring(0, equals);
                var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
                result.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
            }

            return result;
        }
    }
}
