using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>A path with a dot or empty segment is refused, never resolved into another operation's route.</summary>
public sealed class PathSegmentTests
{
    [Theory]
    [InlineData("DELETE", "/permission-group/{group}/users/..")]
    [InlineData("DELETE", "/permission-group/{group}/users/.")]
    [InlineData("DELETE", "/permission-group/{group}/users/%2E%2E")]
    [InlineData("DELETE", "/permission-group/{group}/users/%2e.")]
    [InlineData("DELETE", "/permission-group/{group}/users/")]
    [InlineData("DELETE", "/permission-group//users/x")]
    [InlineData("GET", "/datasetsv2/..")]
    [InlineData("GET", "/permission-group/{group}/..")]
    public async Task ADotOrEmptySegmentIsA400AndRoutesNothing(string method, string path)
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var group = await client.CreateGroupAsync("Analysts");
        client.KeepPathAsWritten = true;

        var response = await client.SendAsync(new System.Net.Http.HttpMethod(method), path.Replace("{group}", group));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Equal("MALFORMED_REQUEST", response.Reason);
        Assert.Contains("segment", response.Message);
        Assert.Equal(1, emulator.Admin.Counters[RequestCounters.UnknownOperation]);
        Assert.Equal(0, emulator.Admin.Counters["DeletePermissionGroup"]);
        Assert.Equal(0, emulator.Admin.Counters["ListDatasets"]);
        Assert.Equal(1, emulator.Admin.Summary().PermissionGroups);
    }

    [Fact]
    public async Task ARefusedPathNeedsNoSignatureToBeRefused()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        client.KeepPathAsWritten = true;
        client.Sign = false;

        var response = await client.GetAsync("/datasetsv2/../user");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MALFORMED_REQUEST", response.Reason);
    }

    [Fact]
    public async Task EncodedSlashesAndDotsInsideALabelAreOneLabel()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var slash = await client.GetAsync("/datasetsv2/a%2F..");
        var percent = await client.GetAsync("/datasetsv2/%252F");
        var dots = await client.GetAsync("/datasetsv2/a..b");

        foreach (var response in new[] { slash, percent, dots })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("DATASET_NOT_FOUND", response.Reason);
        }

        Assert.Contains("a/..", slash.Message);
        Assert.Contains("%2F", percent.Message);
        Assert.Equal(3, emulator.Admin.Counters["GetDataset"]);
    }
}
