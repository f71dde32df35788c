using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests.Operations;

/// <summary>Each of the 31 operations over real HTTP: request line, query, body, headers, signature, typed result.</summary>
public sealed class OperationWireTests
{
    [Fact]
    public void EveryOperationOfTheModelHasACase()
    {
        var modeled = ServiceModel.Operations.Select(o => o.Name).OrderBy(n => n).ToArray();
        Assert.Equal(31, modeled.Length);
        Assert.Equal(modeled, OperationCases.All.Keys.OrderBy(n => n).ToArray());
    }

    [Theory]
    [MemberData(nameof(OperationCases.Names), MemberType = typeof(OperationCases))]
    public async Task SendsWhatTheModelPrescribesAndParsesTheResponse(string operationName)
    {
        var @case = OperationCases.All[operationName];
        var operation = ServiceModel.Operations.Single(o => o.Name == operationName);
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(@case.Response);
        using var client = TestClients.For(server);

        var result = await @case.Call(client, TestContext.Current.CancellationToken);

        var request = server.Single();
        Assert.Equal(operation.HttpMethod, @case.Method);
        Assert.Equal(@case.Method, request.Method);
        Assert.Equal(@case.Path, request.RawPath);
        Assert.Equal(@case.Query.OrderBy(q => q).ToArray(), request.RawQuery.Length == 0 ? new string[0] : request.RawQuery.Split('&').OrderBy(q => q).ToArray());

        if (@case.Body is null)
        {
            Assert.Empty(request.Body);
            Assert.Null(request.Header("Content-Type"));
        }
        else
        {
            Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
            JsonAssert.Equivalent(@case.Body, request.BodyText);
        }

        Assert.Equal("2020-07-13", request.Header("X-Amz-Api-Version"));
        SigV4Verifier.AssertValid(request, TestClients.AccessKey, TestClients.SecretKey, TestClients.Region);

        Assert.NotNull(result);
        Assert.Equal(operation.Output.ClrType, result.GetType());
        @case.AssertResult(result);
    }
}
