using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Opaque, tamper-proof nextTokens; maxResults within the model's range; creation order.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task PagesFollowCreationOrderAndEndWithoutAToken()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var created = new List<string>();
        for (int i = 0; i < 7; i++)
        {
            created.Add(await client.CreateDatasetAsync($"d{i}"));
        }

        var (listed, pages) = await WalkAsync(client, "/datasetsv2", "datasets", "datasetId", 3);

        Assert.Equal(created, listed);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task DeletingBetweenPagesNeitherRepeatsNorSkipsSurvivors()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var created = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            created.Add(await client.CreateDatasetAsync($"d{i}"));
        }

        var first = Requests.Ok(await client.GetAsync("/datasetsv2?maxResults=2")).Json;
        Requests.Ok(await client.DeleteAsync($"/datasetsv2/{created[1]}"));
        Requests.Ok(await client.DeleteAsync($"/datasetsv2/{created[2]}"));
        var token = Uri.EscapeDataString(first.GetProperty("nextToken").GetString()!);
        var rest = Requests.Ok(await client.GetAsync($"/datasetsv2?maxResults=10&nextToken={token}")).Json;

        Assert.Equal(created.Skip(3), rest.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("datasetId").GetString()));
    }

    [Fact]
    public async Task TheDefaultPageSizeAppliesWithoutMaxResults()
    {
        await using var emulator = await Emulators.StartAsync(o => o.DefaultPageSize = 4);
        using var client = emulator.Client();
        emulator.Admin.Seed(new SeedRequest { Datasets = 10 });

        var page = Requests.Ok(await client.GetAsync("/datasetsv2")).Json;

        Assert.Equal(4, page.GetProperty("datasets").GetArrayLength());
        Assert.True(page.TryGetProperty("nextToken", out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task MaxResultsAtTheBoundsIsHonoured(int maxResults)
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        emulator.Admin.Seed(new SeedRequest { Datasets = 150 });

        var page = Requests.Ok(await client.GetAsync($"/datasetsv2?maxResults={maxResults}")).Json;

        Assert.Equal(maxResults, page.GetProperty("datasets").GetArrayLength());
    }

    [Fact]
    public async Task ATamperedTokenIsRefused()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        emulator.Admin.Seed(new SeedRequest { Datasets = 3 });
        var token = Requests.Ok(await client.GetAsync("/datasetsv2?maxResults=1")).Json.GetProperty("nextToken").GetString()!;
        var dot = token.IndexOf('.');
        // Change the payload but keep the signature part: the position would move if accepted.
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload[..^1] + "0")) + token[dot..];

        foreach (var bad in new[] { forged, token[..^2] + (token.EndsWith("AA") ? "BB" : "AA"), "garbage", "a.b" })
        {
            var response = await client.GetAsync($"/datasetsv2?maxResults=1&nextToken={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("ValidationException", response.ErrorType);
            Assert.Equal("INVALID_NEXT_TOKEN", response.Reason);
        }
    }

    [Fact]
    public async Task ATokenFromAnotherListOrParentIsRefused()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var a = await client.CreateDatasetAsync("a");
        var b = await client.CreateDatasetAsync("b");
        await client.CreateChangesetAsync(a);
        await client.CreateChangesetAsync(a);
        await client.CreateChangesetAsync(b);
        await client.CreateChangesetAsync(b);
        var datasetsToken = Requests.Ok(await client.GetAsync("/datasetsv2?maxResults=1")).Json.GetProperty("nextToken").GetString()!;
        var changesetsOfA = Requests.Ok(await client.GetAsync($"/datasets/{a}/changesetsv2?maxResults=1")).Json.GetProperty("nextToken").GetString()!;

        var crossList = await client.GetAsync($"/permission-group?maxResults=1&nextToken={Uri.EscapeDataString(datasetsToken)}");
        var crossParent = await client.GetAsync($"/datasets/{b}/changesetsv2?maxResults=1&nextToken={Uri.EscapeDataString(changesetsOfA)}");
        var sameParent = await client.GetAsync($"/datasets/{a}/changesetsv2?maxResults=1&nextToken={Uri.EscapeDataString(changesetsOfA)}");

        Assert.Equal("INVALID_NEXT_TOKEN", crossList.Reason);
        Assert.Equal("INVALID_NEXT_TOKEN", crossParent.Reason);
        Assert.Equal(HttpStatusCode.OK, sameParent.Status);
    }

    internal static async Task<(List<string> Ids, int Pages)> WalkAsync(ApiClient client, string path, string resultKey, string idKey, int pageSize)
    {
        var ids = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var query = $"?maxResults={pageSize}" + (token is null ? string.Empty : $"&nextToken={Uri.EscapeDataString(token)}");
            var page = Requests.Ok(await client.GetAsync(path + query)).Json;
            pages++;
            ids.AddRange(page.GetProperty(resultKey).EnumerateArray().Select(x => x.GetProperty(idKey).GetString()!));
            token = page.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return (ids, pages);
    }
}
