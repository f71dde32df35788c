using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FinSpace.Emulator.Protocol;

/// <summary>Reads a request body whole (SigV4 hashes it), refusing anything over the configured limit with 413.</summary>
internal static class BodyReader
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiException TooLarge(int limit) =>
        new(413, "RequestEntityTooLargeException", $"The request body exceeds the {limit}-byte limit.");
}
