using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>
/// The least a client can do to list every dataset: unsigned GETs of /datasetsv2 following nextToken,
/// counting the items without building objects. What it achieves is a ceiling set by the emulator and
/// HTTP, against which a real client's rate shows whether the emulator is ever the bottleneck.
/// </summary>
internal sealed class RawDatasetWalker : IDisposable
{
    private readonly HttpClient _http;
    private readonly int _pageSize;

    public RawDatasetWalker(Uri endpoint, int pageSize)
    {
        _http = new HttpClient { BaseAddress = endpoint };
        _pageSize = pageSize;
    }

    public async Task<int> CountAllAsync()
    {
        var count = 0;
        string? token = null;
        do
        {
            var path = $"datasetsv2?maxResults={_pageSize}" + (token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token));
            var body = await _http.GetByteArrayAsync(path).ConfigureAwait(false);
            (var items, token) = ReadPage(body);
            count += items;
        }
        while (token is not null);

        return count;
    }

    public void Dispose() => _http.Dispose();

    // Only the array length and the token are read: the reader skips every dataset object whole.
    private static (int Items, string? NextToken) ReadPage(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var items = 0;
        string? token = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("datasets"))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items++;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("nextToken"))
            {
                reader.Read();
                token = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (items, token);
    }
}
