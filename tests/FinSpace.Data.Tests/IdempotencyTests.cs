using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>Client tokens and default page sizes are filled per call, on a copy of the caller's request.</summary>
public sealed class IdempotencyTests
{
    private static object?[] Snapshot(Shape shape, object request) => shape.Members.Select(m => m.GetValue(request)).ToArray();

    [Fact]
    public async Task EachCallGetsAFreshTokenAndTheRequestIsLeftAsGiven()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var request = SampleRequests.TradesDataset();
        var before = Snapshot(ServiceModel.CreateDatasetRequestShape, request);

        await client.CreateDatasetAsync(request, TestContext.Current.CancellationToken);
        await client.CreateDatasetAsync(request, TestContext.Current.CancellationToken);

        var tokens = server.Requests.Select(r => r.ClientToken).ToArray();
        Assert.Equal(2, tokens.Length);
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.All(tokens, t => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", t));
        Assert.Null(request.ClientToken);
        Assert.Equal(before, Snapshot(ServiceModel.CreateDatasetRequestShape, request));
    }

    [Fact]
    public async Task ACallerTokenIsSentUnchanged()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var request = SampleRequests.TradesDataset();
        request.ClientToken = "my-own-token 1";

        await client.CreateDatasetAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("my-own-token 1", server.Single().ClientToken);
        Assert.Equal("my-own-token 1", request.ClientToken);
    }

    [Fact]
    public async Task AQueryStringTokenIsGeneratedToo()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var request = new DeletePermissionGroupRequest { PermissionGroupId = "pg-1" };

        await client.DeletePermissionGroupAsync(request, TestContext.Current.CancellationToken);
        await client.DeletePermissionGroupAsync(request, TestContext.Current.CancellationToken);

        var tokens = server.Requests.Select(r => Assert.Single(r.QueryParameters, p => p.Key == "clientToken").Value).ToArray();
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Null(request.ClientToken);
    }

    public static TheoryData<string> IdempotentOperations => new(
        ServiceModel.Operations.Where(o => o.Input.Members.Any(m => m.IdempotencyToken)).Select(o => o.Name));

    [Theory]
    [MemberData(nameof(IdempotentOperations))]
    public async Task EveryIdempotentOperationSendsAFreshTokenWhereTheModelPutsIt(string operationName)
    {
        var operation = ServiceModel.Operations.Single(o => o.Name == operationName);
        var tokenMember = operation.Input.Members.Single(m => m.IdempotencyToken);
        var request = SampleRequests.Minimal(operation);
        Assert.Null(tokenMember.GetValue(request));
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        await SampleRequests.CallAsync(client, operation, request, TestContext.Current.CancellationToken);

        var sent = server.Single();
        var token = tokenMember.Location == MemberLocation.QueryString
            ? Assert.Single(sent.QueryParameters, p => p.Key == tokenMember.LocationName).Value
            : JsonDocument.Parse(sent.Body).RootElement.GetProperty(tokenMember.Name).GetString();
        Assert.True(System.Guid.TryParse(token, out _), $"'{token}' is not a fresh GUID token");
        Assert.Null(tokenMember.GetValue(request));
    }

    [Fact]
    public async Task ARequiredPageSizeIsFilledOnTheWireOnly()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var request = new ListUsersByPermissionGroupRequest { PermissionGroupId = "pg-1" };

        await client.ListUsersByPermissionGroupAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(new KeyValuePair<string, string>("maxResults", PagingMetadata.DefaultPageSize.ToString()), Assert.Single(server.Single().QueryParameters));
        Assert.Null(request.MaxResults);
    }

    [Fact]
    public async Task ACallerPageSizeWins()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        await client.ListUsersAsync(new ListUsersRequest { MaxResults = 7 }, TestContext.Current.CancellationToken);

        Assert.Equal("maxResults=7", server.Single().RawQuery);
    }
}
