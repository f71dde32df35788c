using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading.Tasks;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

[Collection(EmulatorCollection.Name)]
public sealed class ChangesetAndDataViewServiceTests(EmulatorFixture fixture)
{
    private static readonly WaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) };

    private async Task<string> NewDatasetAsync() =>
        await fixture.Services.Datasets.CreateAsync(new DatasetDefinition { Title = EmulatorFixture.Unique("ds") }, TestContext.Current.CancellationToken);

    private static ChangesetDefinition Csv(string path) => new()
    {
        ChangeType = "REPLACE",
        SourceParams = ChangesetParameters.Source(path, null, null),
        FormatParams = ChangesetParameters.Format("CSV", true, ",", "NONE", null),
    };

    [Fact]
    public async Task ACreatedChangesetCarriesItsMapsAndIsListedUnderItsDataset()
    {
        var ct = TestContext.Current.CancellationToken;
        var datasetId = await NewDatasetAsync();
        var changesetId = await fixture.Services.Changesets.CreateAsync(datasetId, Csv("s3://bucket/prices.csv"), ct);

        var changeset = await fixture.Services.Changesets.GetAsync(datasetId, changesetId, ct);
        var listed = fixture.Services.Changesets.ListAsync(datasetId, cancellationToken: ct).AsBlocking(ct).ToList();

        Assert.Equal("REPLACE", changeset.ChangeType);
        Assert.Equal("s3://bucket/prices.csv", changeset.SourceParams["s3SourcePath"]);
        Assert.Equal("S3", changeset.SourceParams["sourceType"]);
        Assert.Equal("true", changeset.FormatParams["withHeader"]);
        Assert.Equal(changesetId, Assert.Single(listed).ChangesetId);
        Assert.Equal(datasetId, listed[0].DatasetId);
    }

    [Fact]
    public async Task WaitingObservesEachStatusUntilSuccess()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualClock();
        var step = TimeSpan.FromMinutes(1);
        await using var emulator = await FinSpace.Emulator.FinSpaceEmulator.StartAsync(
            new FinSpace.Emulator.EmulatorOptions { Lifecycle = FinSpace.Emulator.LifecycleTimings.Uniform(step), TimeProvider = clock }, ct);
        var services = EmulatorFixture.ServicesFor(emulator);
        var datasetId = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "watched" }, ct);
        var changesetId = await services.Changesets.CreateAsync(datasetId, Csv("s3://bucket/ok.csv"), ct);

        // The waiter asks for the next status only when the caller takes the next observation.
        using var observations = services.Changesets.ObserveAsync(datasetId, changesetId, Fast, ct).AsBlocking(ct).GetEnumerator();
        Assert.True(observations.MoveNext());
        Assert.Equal(("PENDING", false), (observations.Current.Value.Status, observations.Current.IsComplete));
        clock.Advance(step);
        Assert.True(observations.MoveNext());
        Assert.Equal(("RUNNING", false), (observations.Current.Value.Status, observations.Current.IsComplete));
        clock.Advance(step);
        Assert.True(observations.MoveNext());
        Assert.Equal(("SUCCESS", true), (observations.Current.Value.Status, observations.Current.IsComplete));
        Assert.Null(ChangesetService.FailureOf(observations.Current.Value));
        Assert.False(observations.MoveNext());
    }

    [Fact]
    public async Task AFailedChangesetIsReportedWithItsError()
    {
        var ct = TestContext.Current.CancellationToken;
        var datasetId = await NewDatasetAsync();
        var changesetId = await fixture.Services.Changesets.CreateAsync(datasetId, Csv("s3://bucket/emulator-fail-VALIDATION/x.csv"), ct);

        var final = await fixture.Services.Changesets.WaitAsync(datasetId, changesetId, Fast, ct);

        Assert.Equal("FAILED", final.Status);
        Assert.Equal("VALIDATION", final.ErrorCategory);
        var failure = ChangesetService.FailureOf(final);
        Assert.NotNull(failure);
        Assert.Equal(("ChangesetFailed", changesetId, "FAILED", "VALIDATION"), (failure.ErrorId, failure.ResourceId, failure.Status, failure.FailureCategory));
        Assert.Contains(changesetId, failure.Message);
        // The category is named once, although the emulator's own message names it too.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(failure.Message, "VALIDATION"));
        var classified = ErrorClassifier.Classify(failure);
        Assert.Equal(("ChangesetFailed", FinSpaceErrorCategory.InvalidResult, false), (classified.ErrorId, classified.Category, classified.IsTerminating));
    }

    [Fact]
    public async Task WaitingGivesUpAfterTheTimeoutWithTheLastStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var slow = await FinSpace.Emulator.FinSpaceEmulator.StartAsync(
            new FinSpace.Emulator.EmulatorOptions { Lifecycle = FinSpace.Emulator.LifecycleTimings.Uniform(TimeSpan.FromHours(1)) }, ct);
        var services = EmulatorFixture.ServicesFor(slow);
        var datasetId = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "slow" }, ct);
        var changesetId = await services.Changesets.CreateAsync(datasetId, Csv("s3://bucket/slow.csv"), ct);

        var timeout = await Assert.ThrowsAsync<WaitTimeoutException>(() =>
            services.Changesets.WaitAsync(datasetId, changesetId, new WaitOptions { Timeout = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(20) }, ct));

        Assert.Equal(changesetId, timeout.ResourceId);
        Assert.Equal("PENDING", timeout.LastStatus);
        Assert.Equal(FinSpaceErrorCategory.OperationTimeout, ErrorClassifier.Classify(timeout).Category);
    }

    [Fact]
    public async Task UpdateLaysTheGivenKeysOverTheCurrentMaps()
    {
        var ct = TestContext.Current.CancellationToken;
        var datasetId = await NewDatasetAsync();
        var changesetId = await fixture.Services.Changesets.CreateAsync(datasetId, Csv("s3://bucket/v1.csv"), ct);
        await fixture.Services.Changesets.WaitAsync(datasetId, changesetId, Fast, ct);

        var successorId = await fixture.Services.Changesets.UpdateAsync(datasetId, changesetId, new ChangesetChanges
        {
            FormatParams = ChangesetParameters.Format(null, null, "|", null, null),
        }, ct);

        // UpdateChangeset supersedes the changeset with a new one that records what it updates.
        var successor = await fixture.Services.Changesets.GetAsync(datasetId, successorId, ct);
        var original = await fixture.Services.Changesets.GetAsync(datasetId, changesetId, ct);
        Assert.NotEqual(changesetId, successorId);
        Assert.Equal(changesetId, successor.UpdatesChangesetId);
        Assert.Equal(successorId, original.UpdatedByChangesetId);
        Assert.Equal(",", original.FormatParams["separator"]);
        Assert.Equal("|", successor.FormatParams["separator"]);
        Assert.Equal("CSV", successor.FormatParams["formatType"]);
        Assert.Equal("true", successor.FormatParams["withHeader"]);
        Assert.Equal("s3://bucket/v1.csv", successor.SourceParams["s3SourcePath"]);
    }

    [Fact]
    public async Task DataViewsAreCreatedWaitedForAndShareTheirS3Location()
    {
        var ct = TestContext.Current.CancellationToken;
        var datasetId = await NewDatasetAsync();
        var dataViewId = await fixture.Services.DataViews.CreateAsync(datasetId, new DataViewDefinition
        {
            DestinationType = "S3",
            ExportFileFormat = "PARQUET",
            AutoUpdate = true,
            AsOf = DateTimeOffset.FromUnixTimeMilliseconds(1635768000000),
            PartitionColumns = { "traded" },
            SortColumns = { "ticker" },
        }, ct);

        var final = await fixture.Services.DataViews.WaitAsync(datasetId, dataViewId, Fast, ct);
        var detail = await fixture.Services.DataViews.GetAccessDetailAsync(datasetId, dataViewId, ct);
        var protectedDetail = DataViewService.Protect(detail);

        Assert.Equal("SUCCESS", final.Status);
        Assert.Equal("S3", final.DestinationType);
        Assert.Equal("PARQUET", final.ExportFileFormat);
        Assert.Equal(new[] { "traded" }, final.PartitionColumns);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1635768000000).LocalDateTime, final.AsOfTime);
        Assert.Single(fixture.Services.DataViews.ListAsync(datasetId, cancellationToken: ct).AsBlocking(ct).ToList());
        Assert.StartsWith("s3://", detail.S3Uri);
        Assert.False(string.IsNullOrEmpty(detail.SecretAccessKey));
        Assert.Equal(detail.SecretAccessKey, Reveal(protectedDetail.SecretAccessKey!));
        Assert.Equal(detail.SessionToken, Reveal(protectedDetail.SessionToken!));
        Assert.True(protectedDetail.SecretAccessKey!.IsReadOnly());
        Assert.DoesNotContain(detail.SecretAccessKey!, protectedDetail.ToString());
    }

    internal static string Reveal(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(pointer)!;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
