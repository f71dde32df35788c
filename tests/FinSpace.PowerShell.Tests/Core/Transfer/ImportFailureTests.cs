using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Management;
using FinSpace.Management.Transfer;

namespace FinSpace.PowerShell.Tests.Core.Transfer;

/// <summary>
/// Import against the signed emulator with a recording object store: what is uploaded where, and
/// that a failed upload creates no changeset, cleans up the prefix and names the file.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ImportFailureTests(EmulatorFixture fixture)
{
    private sealed class RecordingStore(int failOnUpload) : IObjectStore, IObjectStoreFactory
    {
        public List<string> Uploaded { get; } = new();
        public List<string> DeletedPrefixes { get; } = new();

        public IObjectStore ForConnection(TransferOptions options) => this;
        public IObjectStore ForKeys(string accessKeyId, string secretAccessKey, string? sessionToken, TransferOptions options) => this;

        public Task UploadAsync(string bucket, string key, string filePath, Action<long> bytesSent, CancellationToken cancellationToken)
        {
            if (Uploaded.Count + 1 == failOnUpload)
            {
                throw new IOException($"Input/output error reading {filePath}");
            }

            bytesSent(new FileInfo(filePath).Length);
            Uploaded.Add($"s3://{bucket}/{key}");
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<RemoteObject>> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RemoteObject>>(Array.Empty<RemoteObject>());

        public Task DownloadAsync(string bucket, string key, string filePath, Action<long> bytesReceived, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> DeletePrefixAsync(string bucket, string prefix, CancellationToken cancellationToken)
        {
            DeletedPrefixes.Add($"s3://{bucket}/{prefix}");
            var count = Uploaded.Count(u => u.StartsWith($"s3://{bucket}/{prefix}", StringComparison.Ordinal));
            Uploaded.RemoveAll(u => u.StartsWith($"s3://{bucket}/{prefix}", StringComparison.Ordinal));
            return Task.FromResult(count);
        }

        public void Dispose()
        {
        }
    }

    private FinSpaceServices ServicesWith(RecordingStore store) =>
        new(ClientCache.CreateClient(ConnectionResolver.Resolve(EmulatorFixture.ConnectionTo(fixture.Emulator))), store);

    private async Task<string> NewDatasetAsync(FinSpaceServices services) =>
        await services.Datasets.CreateAsync(new DatasetDefinition { Title = EmulatorFixture.Unique("import") }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task EveryFileGoesUnderOneFreshPrefixAndTheChangesetReadsThatPrefix()
    {
        using var scratch = new ScratchFolder();
        var store = new RecordingStore(failOnUpload: 0);
        var services = ServicesWith(store);
        var datasetId = await NewDatasetAsync(services);
        var plan = TransferService.PlanImport(datasetId, "append", new[] { scratch.Write("a.csv", "t\n1\n"), scratch.Write("b.csv", "t\n2\n") }, "Path", new StringMap());

        var updates = services.Transfers.Import(plan, new TransferOptions(), TestContext.Current.CancellationToken).ToList();

        var changesetId = Assert.Single(updates, u => u.ChangesetId is not null).ChangesetId!;
        Assert.DoesNotContain(updates, u => u.Failure is not null);
        var changeset = await services.Changesets.GetAsync(datasetId, changesetId, TestContext.Current.CancellationToken);
        var source = changeset.SourceParams[ChangesetParameters.S3SourcePath];
        Assert.Matches(@"^s3://finspace-emulator-working/finspace/ingestion/fs-import-\d{8}T\d{6}Z-[0-9a-f]{32}/$", source);
        Assert.Equal(new[] { source + "00000/a.csv", source + "00001/b.csv" }, store.Uploaded);
        Assert.Equal("APPEND", changeset.ChangeType);
        Assert.Equal("CSV", changeset.FormatParams[ChangesetParameters.FormatType]);
        var last = updates.Last(u => u.Progress is not null).Progress!;
        Assert.Equal(plan.TotalBytes, last.BytesDone);
        Assert.Equal(2, last.FilesDone);
    }

    [Fact]
    public async Task AFailedUploadCreatesNoChangesetDeletesWhatWasUploadedAndNamesTheFile()
    {
        using var scratch = new ScratchFolder();
        var store = new RecordingStore(failOnUpload: 2);
        var services = ServicesWith(store);
        var datasetId = await NewDatasetAsync(services);
        var broken = scratch.Write("b.csv", "t\n2\n");
        var plan = TransferService.PlanImport(datasetId, "REPLACE", new[] { scratch.Write("a.csv", "t\n1\n"), broken, scratch.Write("c.csv", "t\n3\n") }, "Path", new StringMap());
        var createsBefore = fixture.Count("CreateChangeset");

        var updates = services.Transfers.Import(plan, new TransferOptions(), TestContext.Current.CancellationToken).ToList();

        Assert.Equal(createsBefore, fixture.Count("CreateChangeset"));
        Assert.DoesNotContain(updates, u => u.ChangesetId is not null);
        Assert.Empty(store.Uploaded);
        Assert.Single(store.DeletedPrefixes);
        var failure = Assert.Single(updates, u => u.Failure is not null);
        Assert.Equal(broken, failure.FailureTarget);
        var error = ErrorClassifier.Classify(failure.Failure!);
        Assert.Equal("UploadFailed", error.ErrorId);
        Assert.Equal(FinSpaceErrorCategory.ReadError, error.Category);
        Assert.False(error.IsTerminating);
        Assert.Contains(broken, error.Message);
        Assert.Contains("No changeset was created", error.Message);
        Assert.Contains("1 object(s) already uploaded", error.Message);
        Assert.Empty(services.Changesets.List(datasetId, cancellationToken: TestContext.Current.CancellationToken).ToList());
    }
}
