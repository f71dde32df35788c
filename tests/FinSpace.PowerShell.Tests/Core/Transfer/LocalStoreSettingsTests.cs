using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using FinSpace.Management.Transfer;

namespace FinSpace.PowerShell.Tests.Core.Transfer;

/// <summary>
/// Uploads to an S3-compatible store at a custom endpoint send their body with the headers (no
/// Expect: 100-continue) and without a checksum trailer: what a server that never answers
/// "100 Continue" and decodes aws-chunked bodies slowly (moto_server) needs. The server here
/// records the request it gets and answers 200.
/// </summary>
public sealed class LocalStoreSettingsTests
{
    [Fact]
    public async Task AnUploadToACustomEndpointSendsItsBodyAtOnceWithoutAChecksumTrailer()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("prices.csv", "ticker,price\nAMZN,1\n");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnePutAsync(listener);

        var options = new TransferOptions { S3EndpointUrl = $"http://127.0.0.1:{port}" };
        using (var store = S3ObjectStore.Create(new BasicAWSCredentials("AKIDLOCALSTORE000001", "local-store-secret"), RegionEndpoint.USEast1, options))
        {
            await store.UploadAsync("bucket", "in/prices.csv", file, _ => { }, CancellationToken.None);
        }

        var headers = await served;
        listener.Stop();
        Assert.False(headers.ContainsKey("expect"), "Expect: " + (headers.TryGetValue("expect", out var e) ? e : ""));
        Assert.False(headers.ContainsKey("x-amz-trailer"), "the body carried a checksum trailer");
        // Chunk signing stays (as the SDK signs any streamed body over HTTP); only the optional checksum trailer goes.
        Assert.DoesNotContain("TRAILER", headers["x-amz-content-sha256"]);
        Assert.False(headers.ContainsKey("x-amz-sdk-checksum-algorithm"), string.Join("; ", headers));
        Assert.Equal("20", headers["x-amz-decoded-content-length"]);
    }

    private static async Task<Dictionary<string, string>> ServeOnePutAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("The client closed the connection before the headers ended.");
            }

            buffer.Add(one[0]);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..])
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        // Never answers "100 Continue", as moto_server does not.
        var length = int.Parse(headers["content-length"], System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            read += await stream.ReadAsync(body.AsMemory(read));
        }

        var response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nETag: \"d41d8cd98f00b204e9800998ecf8427e\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(response);
        return headers;
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}
