using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>Paginators stream every item in order and fetch a page only when its first item is asked for.</summary>
public sealed class PagingTests
{
    /// <summary>Serves ListDatasets pages: page n (1-based) lists ds-n-1..ds-n-size, nextToken "after page n" until the last.</summary>
    private static ScriptedResponse DatasetPage(RecordedRequest request, int pages, int size)
    {
        var token = request.QueryParameters.FirstOrDefault(p => p.Key == "nextToken").Value;
        var page = token is null ? 1 : int.Parse(token.Split(' ').Last()) + 1;
        var items = string.Join(",", Enumerable.Range(1, size).Select(i => $$"""{"datasetId":"ds-{{page}}-{{i}}"}"""));
        var next = page < pages ? $$""","nextToken":"after page {{page}}" """ : string.Empty;
        return ScriptedResponse.Json($$"""{"datasets":[{{items}}]{{next}}}""");
    }

    [Fact]
    public async Task AllItemsArriveInOrderAndEachPageIsFetchedOnlyWhenNeeded()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Responder = request => DatasetPage(request, pages: 3, size: 2);
        using var client = TestClients.For(server);
        var request = new ListDatasetsRequest { MaxResults = 2 };

        var seen = new List<string>();
        var requestsWhenYielded = new List<int>();
        await foreach (var dataset in client.Paginators.ListDatasets(request, TestContext.Current.CancellationToken))
        {
            seen.Add(dataset.DatasetId!);
            requestsWhenYielded.Add(server.RequestCount);
        }

        Assert.Equal(new[] { "ds-1-1", "ds-1-2", "ds-2-1", "ds-2-2", "ds-3-1", "ds-3-2" }, seen);
        // While the items of page n are consumed, exactly n pages have been requested.
        Assert.Equal(new[] { 1, 1, 2, 2, 3, 3 }, requestsWhenYielded);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(new string?[] { null, "after page 1", "after page 2" }, server.Requests.Select(r => r.QueryParameters.FirstOrDefault(p => p.Key == "nextToken").Value).ToArray());
        Assert.All(server.Requests, r => Assert.Contains(new KeyValuePair<string, string>("maxResults", "2"), r.QueryParameters));
        Assert.Null(request.NextToken);
        Assert.Equal(2, request.MaxResults);
    }

    [Fact]
    public async Task StoppingEarlyRequestsNoFurtherPage()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Responder = request => DatasetPage(request, pages: 5, size: 2);
        using var client = TestClients.For(server);

        var firstThree = new List<Dataset>();
        await foreach (var dataset in client.Paginators.ListDatasets(new ListDatasetsRequest(), TestContext.Current.CancellationToken))
        {
            firstThree.Add(dataset);
            if (firstThree.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task APaginatorWithARequiredPageSizeSendsTheDefaultOnEveryPage()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Json("""{"users":[{"userId":"u-1"}],"nextToken":"n1"}"""),
            ScriptedResponse.Json("""{"users":[{"userId":"u-2"}],"nextToken":"n2"}"""),
            ScriptedResponse.Json("""{"users":[{"userId":"u-3"}]}"""));
        using var client = TestClients.For(server);

        var users = new List<string>();
        await foreach (var user in client.Paginators.ListUsersByPermissionGroup(new ListUsersByPermissionGroupRequest { PermissionGroupId = "pg/1" }, TestContext.Current.CancellationToken))
        {
            users.Add(user.UserId!);
        }

        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, users);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("/permission-group/pg%2F1/users", r.RawPath);
            Assert.Contains(new KeyValuePair<string, string>("maxResults", "100"), r.QueryParameters);
            SigV4Verifier.AssertValid(r, TestClients.AccessKey, TestClients.SecretKey, TestClients.Region);
        });
    }

    [Fact]
    public async Task CancellationStopsPagingBeforeTheNextRequest()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Responder = request => DatasetPage(request, pages: 5, size: 2);
        using var client = TestClients.For(server);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var dataset in client.Paginators.ListDatasets(new ListDatasetsRequest(), cancellation.Token))
            {
                seen++;
                if (seen == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(2, seen);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ARepeatedTokenEndsPagingWithAnError()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Json("""{"datasets":[{"datasetId":"ds-1"}],"nextToken":"same"}""");
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.Paginators.ListDatasets(new ListDatasetsRequest(), TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains("ListDatasets", error.Message);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task AFailedPageIsRetriedWithItsTokenAndAPageThatStillFailsSaysWhereToResume()
    {
        await using var server = await RecordingServer.StartAsync();
        // Page 2 fails three times: the first failure is retried with the same token, the next two exhaust two attempts.
        var failures = 0;
        server.Responder = request =>
            request.QueryParameters.Any(p => p.Key == "nextToken" && p.Value == "after page 1") && failures++ < 3
                ? ScriptedResponse.Error(500, "InternalServerException", "boom")
                : DatasetPage(request, pages: 3, size: 2);
        using var client = TestClients.For(server, config =>
        {
            config.MaxErrorRetry = 1;
            config.MaxRetryDelay = TimeSpan.Zero;
        });
        var seen = new List<string>();

        var stopped = await Assert.ThrowsAsync<ListingIncompleteException>(async () =>
        {
            await foreach (var dataset in client.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = 2 }, TestContext.Current.CancellationToken))
            {
                seen.Add(dataset.DatasetId!);
            }
        });
        var rest = new List<string>();
        await foreach (var dataset in client.Paginators.ListDatasets(new ListDatasetsRequest { MaxResults = 2, NextToken = stopped.NextToken }, TestContext.Current.CancellationToken))
        {
            rest.Add(dataset.DatasetId!);
        }

        Assert.Equal(("ListDatasets", 2L, "after page 1"), (stopped.OperationName, stopped.ItemCount, stopped.NextToken));
        Assert.IsType<InternalServerException>(stopped.InnerException);
        Assert.Equal(new[] { "ds-1-1", "ds-1-2" }, seen);
        Assert.Equal(new[] { "ds-2-1", "ds-2-2", "ds-3-1", "ds-3-2" }, rest);
        // Page 1 once, page 2 twice (two attempts, never page 1 again), then page 2 (third failure) and page 2 and 3 on resuming.
        Assert.Equal(new string?[] { null, "after page 1", "after page 1", "after page 1", "after page 1", "after page 2" },
            server.Requests.Select(r => r.QueryParameters.FirstOrDefault(p => p.Key == "nextToken").Value).ToArray());
    }

    [Fact]
    public async Task AFirstPageRefusedForWhatWasAskedIsThePlainError()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Default = ScriptedResponse.Error(404, "ResourceNotFoundException", "Dataset 'x' does not exist.", reason: "DATASET_NOT_FOUND");
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<ResourceNotFoundException>(async () =>
        {
            await foreach (var _ in client.Paginators.ListChangesets(new ListChangesetsRequest { DatasetId = "x" }, TestContext.Current.CancellationToken))
            {
            }
        });
    }
}
