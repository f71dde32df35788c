using System;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Management;
using FinSpace.Management.Bulk;

namespace FinSpace.Data.Tests;

/// <summary>A create that succeeded is never reported as a failed create, even when its read-back fails.</summary>
public sealed class BulkWorkTests
{
    private static InternalServerException ServerError() => new("boom", null, Amazon.Runtime.ErrorType.Receiver, "InternalServerException", "req-1", System.Net.HttpStatusCode.InternalServerError, null);

    [Fact]
    public async Task AFailedReadBackAfterACreateIsCreatedButNotReadNamingTheId()
    {
        var error = await Assert.ThrowsAsync<FollowUpReadException>(() => BulkWork.CreateThenRead<string>(
            _ => Task.FromResult("user-42"),
            (_, _) => throw ServerError(),
            CancellationToken.None));

        Assert.Equal("user-42", error.ResourceId);
        var classified = ErrorClassifier.Classify(error);
        Assert.Equal("CreatedButNotRead", classified.ErrorId);
        Assert.Equal(FinSpaceErrorCategory.ReadError, classified.Category);
        Assert.False(classified.IsTerminating);
        Assert.StartsWith("Created user-42, but reading it back afterwards failed", classified.Message);
        Assert.Contains("InternalServerException", classified.Message);
    }

    [Fact]
    public async Task AFailedCreateIsReportedAsItselfAndNothingIsRead()
    {
        var read = false;

        var error = await Assert.ThrowsAsync<InternalServerException>(() => BulkWork.CreateThenRead<string>(
            _ => throw ServerError(),
            (_, _) => { read = true; return Task.FromResult("x"); },
            CancellationToken.None));

        Assert.False(read);
        Assert.Equal("InternalServerException", ErrorClassifier.Classify(error).ErrorId);
    }

    [Fact]
    public async Task AFailedReadBackAfterAChangeIsChangedButNotRead()
    {
        var error = await Assert.ThrowsAsync<FollowUpReadException>(() => BulkWork.ChangeThenRead<string>(
            "pg-1", _ => Task.CompletedTask, (_, _) => throw ServerError(), CancellationToken.None));

        Assert.Equal("ChangedButNotRead", ErrorClassifier.Classify(error).ErrorId);
        Assert.Equal("pg-1", error.ResourceId);
    }

    [Fact]
    public async Task ACancelledReadBackStaysACancellation()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(() => BulkWork.CreateThenRead<string>(
            _ => Task.FromResult("u"), (_, _) => throw new OperationCanceledException(), CancellationToken.None));
    }

    [Fact]
    public async Task WithoutPassThruAChangeReadsNothing()
    {
        Assert.Null(await BulkWork.ChangeThenRead<string>("u", _ => Task.CompletedTask, null, CancellationToken.None));
    }
}
