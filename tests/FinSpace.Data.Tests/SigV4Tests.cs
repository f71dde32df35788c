using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;
using FinSpace.Data.Tests.Operations;

namespace FinSpace.Data.Tests;

/// <summary>Signatures checked by two independent implementations: the test's own and AWS's botocore.</summary>
public sealed class SigV4Tests
{
    // Recomputes the signature with botocore's SigV4Auth from exactly what the server received.
    private const string BotocoreScript = """
        import json, sys
        try:
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
        except ImportError:
            sys.exit(3)
        d = json.load(sys.stdin)
        request = AWSRequest(method=d["method"], url=d["url"], data=bytes.fromhex(d["body"]), headers=d["headers"])
        request.context["timestamp"] = d["amzDate"]
        auth = SigV4Auth(Credentials(d["accessKey"], d["secretKey"], d.get("token")), d["service"], d["region"])
        canonical = auth.canonical_request(request)
        print(json.dumps({"signature": auth.signature(auth.string_to_sign(request, canonical), request), "canonical": canonical}))
        """;

    public static TheoryData<string> CrossCheckedOperations => new("CreateDataset", "DeleteDataset", "ListUsers", "DisassociateUserFromPermissionGroup", "GetExternalDataViewAccessDetails");

    [Theory]
    [MemberData(nameof(CrossCheckedOperations))]
    public async Task BotocoreComputesTheSameSignature(string operationName)
    {
        await using var server = await RecordingServer.StartAsync();
        var @case = OperationCases.All[operationName];
        server.Enqueue(@case.Response);
        using var client = TestClients.For(server, credentials: new SessionAWSCredentials(TestClients.AccessKey, TestClients.SecretKey, "session/token+1"));
        await @case.Call(client, TestContext.Current.CancellationToken);
        var request = server.Single();
        var parsed = SigV4Verifier.Parse(request);

        // Only the headers the client signed, minus host, which botocore derives from the URL itself.
        var headers = parsed.SignedHeaders.Where(h => h != "host").ToDictionary(h => h, h => request.Header(h)!);
        var input = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = request.Method,
            ["url"] = server.BaseUri.GetLeftPart(UriPartial.Authority) + request.RawTarget,
            ["body"] = Convert.ToHexString(request.Body),
            ["headers"] = headers,
            ["amzDate"] = request.Header("X-Amz-Date"),
            ["accessKey"] = TestClients.AccessKey,
            ["secretKey"] = TestClients.SecretKey,
            ["token"] = "session/token+1",
            ["service"] = "finspace-api",
            ["region"] = TestClients.Region,
        });

        var output = await RunPython(input);

        using var result = JsonDocument.Parse(output);
        Assert.True(
            parsed.Signature == result.RootElement.GetProperty("signature").GetString(),
            $"botocore disagrees; its canonical request:\n{result.RootElement.GetProperty("canonical").GetString()}");
        Assert.Equal("session/token+1", request.Header("X-Amz-Security-Token"));
        SigV4Verifier.AssertValid(request, TestClients.AccessKey, TestClients.SecretKey, TestClients.Region);
    }

    private static async Task<string> RunPython(string input)
    {
        var start = new ProcessStartInfo("python3", new[] { "-c", BotocoreScript })
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Assert.Fail("python3 is not installed, so the botocore cross-check cannot run: install Python 3 with botocore (pip install botocore).");
            throw;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (process.ExitCode == 3)
            {
                Assert.Fail("botocore is not installed for python3, so the botocore cross-check cannot run: pip install botocore.");
            }

            Assert.True(process.ExitCode == 0, $"python3 failed: {error}");
            return output;
        }
    }

    [Fact]
    public async Task TheVerifierRejectsATamperedRequest()
    {
        // Proves the independent check has teeth: the same request with one byte of the body changed,
        // or checked against another secret or region, must fail.
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        await client.GetWorkingLocationAsync(new GetWorkingLocationRequest { LocationType = LocationType.Ingestion }, TestContext.Current.CancellationToken);
        var request = server.Single();
        SigV4Verifier.AssertValid(request, TestClients.AccessKey, TestClients.SecretKey, TestClients.Region);

        var body = request.Body.ToArray();
        body[^2] ^= 0x01;
        var tampered = new RecordedRequest(request.Method, request.RawTarget, request.Headers, body);

        Assert.ThrowsAny<Exception>(() => SigV4Verifier.AssertValid(tampered, TestClients.AccessKey, TestClients.SecretKey, TestClients.Region));
        Assert.ThrowsAny<Exception>(() => SigV4Verifier.AssertValid(request, TestClients.AccessKey, "another-secret", TestClients.Region));
        Assert.ThrowsAny<Exception>(() => SigV4Verifier.AssertValid(request, TestClients.AccessKey, TestClients.SecretKey, "eu-west-1"));
    }

    [Fact]
    public async Task AClockSkewErrorIsCorrectedAndResigned()
    {
        // The server's clock is an hour ahead and it rejects the first signature as expired; the SDK
        // reads the server's Date header, corrects its clock for this endpoint and signs again.
        await using var server = await RecordingServer.StartAsync();
        var serverNow = DateTimeOffset.UtcNow.AddHours(1);
        server.Enqueue(
            new ScriptedResponse
            {
                Status = 403,
                Body = """{"message":"Signature expired"}""",
                Headers = new Dictionary<string, string>
                {
                    ["x-amzn-ErrorType"] = "InvalidSignatureException",
                    ["Date"] = serverNow.ToString("r"),
                },
            },
            ScriptedResponse.Json("""{"userId":"u-1"}"""));
        using var client = TestClients.For(server);

        var response = await client.GetUserAsync(new GetUserRequest { UserId = "u-1" }, TestContext.Current.CancellationToken);

        Assert.Equal("u-1", response.UserId);
        Assert.Equal(2, server.RequestCount);
        DateTimeOffset Signed(RecordedRequest r) => DateTimeOffset.ParseExact(r.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal);
        var shift = Signed(server.Requests[1]) - Signed(server.Requests[0]);
        Assert.InRange(shift, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(65));
        SigV4Verifier.AssertValid(server.Requests[1], TestClients.AccessKey, TestClients.SecretKey, TestClients.Region);
    }
}
