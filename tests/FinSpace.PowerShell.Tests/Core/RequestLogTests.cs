using System.Linq;
using System.Threading.Tasks;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>The lines behind -Verbose: one per request, for the caller that made it, never a secret.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RequestLogTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task EachCallInTheScopeLeavesOneLineWithOperationStatusAndRequestId()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new RequestLog();
        string datasetId;
        using (RequestLog.Enter(log))
        {
            datasetId = await fixture.Services.Datasets.CreateAsync(new DatasetDefinition { Title = "logged" }, ct);
            await Record.ExceptionAsync(() => fixture.Services.Datasets.GetAsync("missing-id", ct));
        }

        await fixture.Services.Datasets.GetAsync(datasetId, ct);
        Assert.True(log.HasLines);
        var lines = log.Drain().ToList();
        Assert.False(log.HasLines);

        Assert.Equal(2, lines.Count);
        Assert.Matches(@"^FinSpace CreateDataset: HTTP 200 in \d+ ms, request id [0-9a-f-]{36}, 0 retries$", lines[0]);
        Assert.Matches(@"^FinSpace GetDataset: HTTP 404 ResourceNotFoundException in \d+ ms, request id [0-9a-f-]{36}, 0 retries$", lines[1]);
        Assert.Empty(log.Drain());
        Assert.All(lines, l => Assert.DoesNotContain(EmulatorCredentials.SecretAccessKey, l));
    }

    [Fact]
    public void ANewLogHasNoLinesToDrain()
    {
        var log = new RequestLog();

        Assert.False(log.HasLines);
        Assert.Empty(log.Drain());
    }

    [Fact]
    public async Task ConcurrentScopesOnOneClientSeeOnlyTheirOwnCalls()
    {
        var ct = TestContext.Current.CancellationToken;
        async Task<string[]> Run(int calls)
        {
            var log = new RequestLog();
            using (RequestLog.Enter(log))
            {
                for (var i = 0; i < calls; i++)
                {
                    await fixture.Services.Environment.GetWorkingLocationAsync(cancellationToken: ct);
                }
            }

            return log.Drain().ToArray();
        }

        var results = await Task.WhenAll(Task.Run(() => Run(3), ct), Task.Run(() => Run(5), ct));

        Assert.Equal(3, results[0].Length);
        Assert.Equal(5, results[1].Length);
        Assert.All(results.SelectMany(r => r), l => Assert.StartsWith("FinSpace GetWorkingLocation: HTTP 200", l));
    }
}
