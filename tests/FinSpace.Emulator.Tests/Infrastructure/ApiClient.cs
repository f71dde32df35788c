using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>Raw HTTP against the emulator, signed by <see cref="TestSigner"/> unless told otherwise.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Uri _baseAddress;
    private readonly TimeProvider _clock;

    public ApiClient(Uri baseAddress, TimeProvider? clock = null)
    {
        _baseAddress = baseAddress;
        _clock = clock ?? TimeProvider.System;
    }

    public string AccessKeyId { get; set; } = EmulatorCredentials.AccessKeyId;
    public string SecretAccessKey { get; set; } = EmulatorCredentials.SecretAccessKey;
    public string? SessionToken { get; set; }

    /// <summary>Shifts the signing time away from the clock, to provoke the skew check.</summary>
    public TimeSpan SigningOffset { get; set; }

    public bool Sign { get; set; } = true;

    /// <summary>Sends the path exactly as written, dot segments included (System.Uri would resolve them first).</summary>
    public bool KeepPathAsWritten { get; set; }

    public Task<ApiResponse> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    public Task<ApiResponse> DeleteAsync(string pathAndQuery) => SendAsync(HttpMethod.Delete, pathAndQuery);

    public Task<ApiResponse> PostAsync(string pathAndQuery, object? body = null) => SendAsync(HttpMethod.Post, pathAndQuery, Serialize(body));

    public Task<ApiResponse> PutAsync(string pathAndQuery, object? body = null) => SendAsync(HttpMethod.Put, pathAndQuery, Serialize(body));

    public async Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body = null, Action<HttpRequestMessage>? beforeSend = null)
    {
        body ??= [];
        var target = _baseAddress.GetLeftPart(UriPartial.Authority) + pathAndQuery;
        using var request = new HttpRequestMessage(method, KeepPathAsWritten
            ? new Uri(target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true })
            : new Uri(target));
        if (body.Length > 0 || method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        if (Sign)
        {
            TestSigner.Sign(request, body, AccessKeyId, SecretAccessKey, SessionToken, _clock.GetUtcNow() + SigningOffset);
        }

        beforeSend?.Invoke(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiResponse(
            response.StatusCode,
            response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.First() : null,
            response.Headers.TryGetValues("x-amzn-RequestId", out var id) ? id.First() : null,
            text,
            response.Headers.Date);
    }

    public void Dispose() => _http.Dispose();

    private static byte[] Serialize(object? body) => body switch
    {
        null => "{}"u8.ToArray(),
        string text => Encoding.UTF8.GetBytes(text),
        byte[] bytes => bytes,
        _ => JsonSerializer.SerializeToUtf8Bytes(body),
    };
}
