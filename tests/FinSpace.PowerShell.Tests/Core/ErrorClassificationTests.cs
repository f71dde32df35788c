using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using FinSpace.Data;
using FinSpace.Data.Model;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>Real service failures, classified as the cmdlets will report them.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ErrorClassificationTests(EmulatorFixture fixture)
{
    private static async Task<ClassifiedError> FailureOf(Func<Task> call)
    {
        var exception = await Record.ExceptionAsync(call);
        Assert.NotNull(exception);
        return ErrorClassifier.Classify(exception);
    }

    [Fact]
    public async Task AMissingIdIsObjectNotFoundWithTheRequestIdAndDoesNotStopThePipeline()
    {
        var error = await FailureOf(() => fixture.Services.Datasets.GetAsync("no-such-dataset", TestContext.Current.CancellationToken));

        Assert.Equal("ResourceNotFoundException", error.ErrorId);
        Assert.Equal(FinSpaceErrorCategory.ObjectNotFound, error.Category);
        Assert.False(error.IsTerminating);
        var requestId = ((AmazonServiceException)error.Exception).RequestId;
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.Contains("request id " + requestId, error.Message);
        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("DATASET_NOT_FOUND", error.Message);
    }

    [Fact]
    public async Task ADuplicateAliasIsResourceExists()
    {
        var ct = TestContext.Current.CancellationToken;
        var alias = "alias/" + EmulatorFixture.Unique("dup");
        await fixture.Services.Datasets.CreateAsync(new DatasetDefinition { Title = "first", Alias = alias }, ct);

        var error = await FailureOf(() => fixture.Services.Datasets.CreateAsync(new DatasetDefinition { Title = "second", Alias = alias }, ct));

        Assert.Equal(("ConflictException", FinSpaceErrorCategory.ResourceExists, false), (error.ErrorId, error.Category, error.IsTerminating));
    }

    [Fact]
    public async Task ARequestBreakingTheModelIsInvalidArgumentAndIsNeverSent()
    {
        var before = fixture.Count("CreatePermissionGroup");

        var error = await FailureOf(() => fixture.Services.PermissionGroups.CreateAsync(
            new PermissionGroupDefinition { Name = new string('n', 256) }, TestContext.Current.CancellationToken));

        Assert.Equal(("InvalidRequest", FinSpaceErrorCategory.InvalidArgument, false), (error.ErrorId, error.Category, error.IsTerminating));
        Assert.Contains("-Name (name) must be at most 255 characters", error.Message);
        Assert.Equal(before, fixture.Count("CreatePermissionGroup"));
    }

    [Fact]
    public async Task TheServicesOwnValidationErrorIsInvalidArgumentToo()
    {
        // A tampered page token passes the client's checks; only the service can reject it.
        var request = new ListDatasetsRequest { NextToken = "tampered-token" };
        var error = await FailureOf(() => fixture.Services.Client.ListDatasetsAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(("ValidationException", FinSpaceErrorCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Contains("INVALID_NEXT_TOKEN", error.Message);
    }

    [Theory]
    [InlineData(1.0, 0.0, "ThrottlingException", FinSpaceErrorCategory.LimitsExceeded)]
    [InlineData(0.0, 1.0, "InternalServerException", FinSpaceErrorCategory.ResourceUnavailable)]
    public async Task ThrottlingAndServerFaultsSurviveRetriesAsNonTerminatingErrors(double throttle, double error, string code, FinSpaceErrorCategory category)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var faulty = await FinSpaceEmulator.StartAsync(new EmulatorOptions { Faults = new FaultSettings { ThrottleRate = throttle, ErrorRate = error } }, ct);
        // Three attempts (MaxErrorRetry 2) rather than the default ten, to keep the test short; the
        // default is pinned in FinSpace.Data.Tests (SustainedFaultRetryTests).
        var config = new FinSpaceDataConfig { ServiceURL = faulty.BaseAddress.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 2 };
        using var client = new FinSpaceDataClient(new Amazon.Runtime.BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey), config);
        var services = new FinSpaceServices(client);

        var failure = await FailureOf(() => services.Users.GetAsync("any", ct));

        Assert.Equal((code, category, false), (failure.ErrorId, failure.Category, failure.IsTerminating));
        Assert.Equal(3, faulty.Admin.Counters["GetUser"]);
    }

    [Fact]
    public async Task AWrongSecretKeyStopsThePipelineAndTheErrorHoldsNoSecret()
    {
        const string wrongSecret = "wrong-secret-key-that-must-not-leak-0001";
        var services = EmulatorFixture.ServicesFor(fixture.Emulator, wrongSecret);

        var error = await FailureOf(() => services.Datasets.GetAsync("x", TestContext.Current.CancellationToken));

        Assert.Equal(("InvalidSignatureException", FinSpaceErrorCategory.AuthenticationError, true), (error.ErrorId, error.Category, error.IsTerminating));
        Assert.DoesNotContain(wrongSecret, error.Message);
        Assert.DoesNotContain(wrongSecret, error.Exception.ToString());
    }

    [Fact]
    public async Task AnUnreachableEndpointStopsThePipeline()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var services = new ClientCache().GetServices(ConnectionResolver.Resolve(new ConnectionParameters
        {
            EndpointUrl = $"http://127.0.0.1:{port}",
            Region = "us-east-1",
            AccessKey = EmulatorCredentials.AccessKeyId,
            SecretKey = EmulatorCredentials.SecretAccessKey,
        }));

        var error = await FailureOf(() => services.Datasets.GetAsync("x", TestContext.Current.CancellationToken));

        Assert.Equal(("EndpointUnreachable", FinSpaceErrorCategory.ConnectionError, true), (error.ErrorId, error.Category, error.IsTerminating));
    }

    [Fact]
    public void ModeledErrorsTheEmulatorCannotProduceAreMappedByCode()
    {
        foreach (var (exception, category) in new (AmazonServiceException, FinSpaceErrorCategory)[]
                 {
                     (new AccessDeniedException("no", null, ErrorType.Sender, "AccessDeniedException", "r1", HttpStatusCode.Forbidden, null), FinSpaceErrorCategory.PermissionDenied),
                     (new LimitExceededException("too many", null, ErrorType.Sender, "LimitExceededException", "r2", HttpStatusCode.BadRequest, null), FinSpaceErrorCategory.QuotaExceeded),
                     (new FinSpaceDataServiceException("busy", null, ErrorType.Receiver, "ServiceUnavailableException", "r3", HttpStatusCode.ServiceUnavailable, null), FinSpaceErrorCategory.ResourceUnavailable),
                     (new FinSpaceDataServiceException("odd", null, ErrorType.Sender, "SomethingNew", "r4", HttpStatusCode.BadRequest, null), FinSpaceErrorCategory.NotSpecified),
                 })
        {
            var error = ErrorClassifier.Classify(exception);
            Assert.Equal((exception.ErrorCode, category, false), (error.ErrorId, error.Category, error.IsTerminating));
            Assert.Contains("request id " + exception.RequestId, error.Message);
        }
    }
}
