using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data;
using FinSpace.Data.Model;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// The retry policy seen from the services a cmdlet calls, against the emulator's seeded faults:
/// listings that resume from the failed page, dropped responses reported as their own error, and
/// a conflict on a changeset still being ingested reported as busy.
/// </summary>
public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    private static FinSpaceServices ServicesFor(FinSpaceEmulator emulator, int? attempts = null) =>
        new ClientCache().GetServices(ConnectionResolver.Resolve(new ConnectionParameters
        {
            EndpointUrl = emulator.BaseAddress.ToString(),
            Region = "us-east-1",
            AccessKey = EmulatorCredentials.AccessKeyId,
            SecretKey = EmulatorCredentials.SecretAccessKey,
            MaxAttempts = attempts,
            // Backoff is not what these tests are about: keep them quick.
            MaxRetryDelay = TimeSpan.Zero,
        }));

    [Fact]
    public async Task AListingThatGivesUpSaysWhereAndGoesOnFromThereWithEveryItemOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await FinSpaceEmulator.StartAsync(cancellationToken: ct);
        emulator.Admin.Seed(new SeedRequest { Datasets = 1000 });
        // One attempt per page, so the seeded throttling stops the listing several times.
        var services = ServicesFor(emulator, attempts: 1);
        emulator.Admin.SetFaults(new FaultSettings { ThrottleRate = 0.25, Seed = 7, Operations = new[] { "ListDatasets" } });

        var seen = new List<string>();
        string? token = null;
        var stops = 0;
        while (true)
        {
            var run = 0;
            try
            {
                foreach (var dataset in services.Datasets.List(100, ct, token))
                {
                    seen.Add(dataset.DatasetId!);
                    run++;
                }

                break;
            }
            catch (ListingIncompleteException stopped)
            {
                Assert.Equal(run, stopped.ItemCount);
                Assert.Equal("ListDatasets", stopped.OperationName);
                Assert.IsType<ThrottlingException>(stopped.InnerException);
                var classified = ErrorClassifier.Classify(stopped);
                Assert.Equal(("ThrottlingException", FinSpaceErrorCategory.LimitsExceeded, false), (classified.ErrorId, classified.Category, classified.IsTerminating));
                Assert.Contains($"stopped after {run} item", classified.Message);
                Assert.Contains(stopped.NextToken is null ? "start over" : $"-StartingToken '{stopped.NextToken}'", classified.Message);
                // A first page that failed has nothing to resume from; any later one does.
                Assert.Equal(token is null && run == 0, stopped.NextToken is null);
                token = stopped.NextToken ?? token;
                stops++;
                Assert.True(stops < 100, "the listing never finished");
            }
        }

        output.WriteLine($"[figure] 1,000 datasets at one attempt per page under 25 % throttling: {stops} stops, {seen.Count} items, {seen.Count - seen.Distinct().Count()} duplicates");
        Assert.True(stops > 0, "the seeded faults never stopped the listing: the test proves nothing");
        Assert.Equal(1000, seen.Count);
        Assert.Equal(1000, seen.Distinct().Count());
    }

    [Fact]
    public async Task ListingsUnderTheFaultMixFinishWithEveryItemExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await FinSpaceEmulator.StartAsync(cancellationToken: ct);
        emulator.Admin.Seed(new SeedRequest { Datasets = 10_000 });
        var services = ServicesFor(emulator);
        emulator.Admin.SetFaults(new FaultSettings { ThrottleRate = 0.2, ErrorRate = 0.05, DropRate = 0.01, Seed = 42 });
        var before = emulator.Admin.Counters["ListDatasets"];

        var complete = 0;
        for (var listing = 0; listing < 10; listing++)
        {
            var ids = services.Datasets.List(100, ct).Select(d => d.DatasetId!).ToList();
            Assert.Equal(10_000, ids.Count);
            Assert.Equal(10_000, ids.Distinct().Count());
            complete++;
        }

        var requests = emulator.Admin.Counters["ListDatasets"] - before;
        output.WriteLine($"[figure] 10 listings of 10,000 under 20/5/1 % faults: {complete}/10 complete, {requests} requests for 1,000 pages");
        // Faults really happened (a clean run needs exactly 1,000 requests) and no listing restarted (that would need far more).
        Assert.InRange(requests, 1_100, 1_600);
    }

    [Fact]
    public async Task AResponseDroppedOnEveryAttemptIsConnectionDroppedAndTheTokenMakesTheRetryOfTheCommandSafe()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await FinSpaceEmulator.StartAsync(cancellationToken: ct);
        var services = ServicesFor(emulator, attempts: 3);
        emulator.Admin.SetFaults(new FaultSettings { DropRate = 1, Operations = new[] { "CreateUser" } });
        var user = new UserDefinition { EmailAddress = "dropped@example.com", FirstName = "Dee", ClientToken = "run-1" };

        var exception = await Record.ExceptionAsync(() => services.Users.CreateAsync(user, ct));
        var error = ErrorClassifier.Classify(exception!);

        Assert.Equal(3, emulator.Admin.Counters["CreateUser"]);
        Assert.Equal(("ConnectionDropped", FinSpaceErrorCategory.ConnectionError, false), (error.ErrorId, error.Category, error.IsTerminating));
        Assert.Contains("CreateUser", error.Message);
        Assert.Contains("3 attempts", error.Message);
        emulator.Admin.ClearFaults();
        var again = await services.Users.CreateAsync(user, ct);
        Assert.Single(services.Users.List(null, ct), u => u.EmailAddress == "dropped@example.com");
        Assert.False(string.IsNullOrEmpty(again));
    }

    [Fact]
    public async Task UpdatingAChangesetThatIsStillBeingIngestedIsResourceBusy()
    {
        var ct = TestContext.Current.CancellationToken;
        // The clock never moves, so the changeset stays PENDING.
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { TimeProvider = new ManualClock() }, ct);
        var services = ServicesFor(emulator);
        var datasetId = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "busy" }, ct);
        var changesetId = await services.Changesets.CreateAsync(datasetId, new ChangesetDefinition
        {
            ChangeType = "REPLACE",
            SourceParams = ChangesetParameters.Source("s3://bucket/prices.csv", null, null),
            FormatParams = ChangesetParameters.Format("CSV", true, ",", "NONE", null),
        }, ct);

        var exception = await Record.ExceptionAsync(() => services.Changesets.UpdateAsync(datasetId, changesetId, new ChangesetChanges
        {
            SourceParams = ChangesetParameters.Source("s3://bucket/other.csv", null, null),
        }, ct));
        var error = ErrorClassifier.Classify(exception!);

        Assert.Equal(("ConflictException", FinSpaceErrorCategory.ResourceBusy), (error.ErrorId, error.Category));
        Assert.Contains("CHANGESET_NOT_COMPLETE", error.Message);
    }

    [Theory]
    [InlineData("ALIAS_ALREADY_EXISTS", FinSpaceErrorCategory.ResourceExists)]
    [InlineData("USER_ALREADY_IN_PERMISSION_GROUP", FinSpaceErrorCategory.ResourceExists)]
    [InlineData(null, FinSpaceErrorCategory.ResourceExists)]
    [InlineData("CHANGESET_NOT_COMPLETE", FinSpaceErrorCategory.ResourceBusy)]
    [InlineData("CHANGESET_ALREADY_UPDATED", FinSpaceErrorCategory.InvalidOperation)]
    [InlineData("CLIENT_TOKEN_REUSED_WITH_DIFFERENT_PARAMETERS", FinSpaceErrorCategory.InvalidArgument)]
    public void AConflictIsCategorisedByItsReason(string? reason, FinSpaceErrorCategory category)
    {
        var conflict = new ConflictException("conflict", null, Amazon.Runtime.ErrorType.Sender, "ConflictException", "r1", System.Net.HttpStatusCode.Conflict, reason);

        Assert.Equal(category, ErrorClassifier.Classify(conflict).Category);
    }

    [Fact]
    public void AFailedWaitNamesTheCategoryOnce()
    {
        Assert.Equal("Changeset c1 of dataset d1 ended FAILED (category VALIDATION): Row 3 has a bad date.",
            WaitFailedException.MessageFor("Changeset c1 of dataset d1", "FAILED", "VALIDATION", "Row 3 has a bad date."));
        Assert.Equal("Dataview v1 of dataset d1 ended FAILED: The job failed (category USER_RECOVERABLE).",
            WaitFailedException.MessageFor("Dataview v1 of dataset d1", "FAILED", "USER_RECOVERABLE", "The job failed (category USER_RECOVERABLE)."));
        Assert.Equal("Changeset c1 of dataset d1 ended STOP_REQUESTED.",
            WaitFailedException.MessageFor("Changeset c1 of dataset d1", "STOP_REQUESTED", null, null));
    }
}
