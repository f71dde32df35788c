using System.Linq;
using System.Collections.Generic;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;
using FinSpace.Data.Validation;

namespace FinSpace.Data.Tests;

/// <summary>Requests that break the model are rejected before anything reaches the network.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task AMissingRequiredMemberIsNamedAndNothingIsSent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var events = 0;
        client.OperationCompleted += (_, _) => events++;

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() =>
            client.GetDatasetAsync(new GetDatasetRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("GetDataset", exception.Operation);
        var problem = Assert.Single(exception.Problems);
        Assert.Equal("datasetId", problem.MemberPath);
        Assert.Equal("required", problem.Rule);
        Assert.Contains("datasetId", exception.Message);
        Assert.Equal(0, server.RequestCount);
        Assert.Equal(0, events);
    }

    [Fact]
    public async Task ANestedConstraintIsNamedByItsPath()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);
        var request = new CreateDatasetRequest
        {
            DatasetTitle = "Trades",
            Kind = DatasetKind.Tabular,
            PermissionGroupParams = new PermissionGroupParams { PermissionGroupId = "pg-1" },
            SchemaDefinition = new SchemaUnion
            {
                TabularSchemaConfig = new SchemaDefinition
                {
                    Columns = new List<ColumnDefinition> { new() { ColumnName = new string('c', 127), DataType = ColumnDataType.String } },
                },
            },
        };

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.CreateDatasetAsync(request, TestContext.Current.CancellationToken));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("schemaDefinition.tabularSchemaConfig.columns[0].columnName", problem.MemberPath);
        Assert.Equal("maxLength", problem.Rule);
        Assert.Equal(0, server.RequestCount);
        Assert.Null(request.ClientToken);
    }

    [Fact]
    public async Task AnOutOfRangePageSizeIsRejected()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() =>
            client.ListUsersAsync(new ListUsersRequest { MaxResults = 0 }, TestContext.Current.CancellationToken));

        Assert.Equal("maxResults", Assert.Single(exception.Problems).MemberPath);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task AnEmptyUriLabelIsRejectedRatherThanSentAsAnEmptySegment()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() =>
            client.DeleteDatasetAsync(new DeleteDatasetRequest { DatasetId = "" }, TestContext.Current.CancellationToken));

        Assert.Equal("datasetId", Assert.Single(exception.Problems).MemberPath);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a\u0000b")]
    [InlineData("\u001b[2J")]
    public async Task ADotSegmentOrControlCharacterInALabelIsRejectedBeforeSending(string escaped)
    {
        var id = System.Text.RegularExpressions.Regex.Unescape(escaped);
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        // DELETE /permission-group/g/users/.. would be DeletePermissionGroup once the URL is normalised.
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.DisassociateUserFromPermissionGroupAsync(
            new DisassociateUserFromPermissionGroupRequest { PermissionGroupId = "group1", UserId = id }, TestContext.Current.CancellationToken));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(("userId", "pathSegment"), (problem.MemberPath, problem.Rule));
        Assert.Contains(id.Length <= 2 ? "dot segment" : "control characters", problem.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("%2F")]
    [InlineData("a/../b")]
    [InlineData("...")]
    [InlineData("a..")]
    [InlineData("a b")]
    [InlineData("\U0001D11E")]
    [InlineData("?x=1#y")]
    public async Task AnyOtherLabelTravelsAsOneSegmentAndArrivesUnchanged(string escaped)
    {
        var id = System.Text.RegularExpressions.Regex.Unescape(escaped);
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        await client.DisassociateUserFromPermissionGroupAsync(
            new DisassociateUserFromPermissionGroupRequest { PermissionGroupId = "group1", UserId = id }, TestContext.Current.CancellationToken);

        var sent = server.Single();
        var segments = sent.RawPath.Split('/');
        Assert.Equal(new[] { "", "permission-group", "group1", "users" }, segments[..4]);
        Assert.Equal(5, segments.Length);
        Assert.Equal(id, System.Uri.UnescapeDataString(segments[4]));
        Assert.DoesNotContain(sent.QueryParameters, p => p.Key != "clientToken");
    }

    [Fact]
    public async Task ANullRequestIsAnArgumentError()
    {
        await using var server = await RecordingServer.StartAsync();
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<System.ArgumentNullException>(() => client.GetUserAsync(null!, TestContext.Current.CancellationToken));
        Assert.Equal(0, server.RequestCount);
    }
}
