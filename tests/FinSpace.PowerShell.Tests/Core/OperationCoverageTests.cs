using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Metadata;
using FinSpace.Emulator;
using FinSpace.Management;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// Every one of the 31 operations is reached by some cmdlet: the service methods the cmdlet
/// assembly calls are read from its metadata, each is run against the emulator, and the
/// operations the emulator receives are collected.
/// </summary>
public sealed class OperationCoverageTests
{
    private const string Path = "s3://bucket/data.csv";

    [Fact]
    public async Task TheServiceMethodsTheCmdletsCallReachAllOperations()
    {
        var ct = TestContext.Current.CancellationToken;
        var called = ServiceMethodsCalledByCmdlets();
        Assert.Contains("DatasetService.List", called);

        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { Lifecycle = LifecycleTimings.Instant }, ct);
        var connection = EmulatorFixture.ConnectionTo(emulator);
        var cache = new ClientCache();
        var s = cache.GetServices(ConnectionResolver.Resolve(connection));
        var datasetId = await s.Datasets.CreateAsync(new DatasetDefinition { Title = "coverage" }, ct);
        var changesetId = await s.Changesets.CreateAsync(datasetId, Changeset(), ct);
        var dataViewId = await s.DataViews.CreateAsync(datasetId, new DataViewDefinition { DestinationType = "S3" }, ct);
        var groupId = await s.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = "coverage" }, ct);
        var userId = await s.Users.CreateAsync(new UserDefinition { EmailAddress = "coverage@example.com" }, ct);
        var wait = new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) };

        var runs = new Dictionary<string, Func<CancellationToken, Task>>
        {
            ["DatasetService.List"] = c => Drain(s.Datasets.List(null, c)),
            ["DatasetService.GetAsync"] = c => s.Datasets.GetAsync(datasetId, c),
            ["DatasetService.GetCreatedAsync"] = c => s.Datasets.GetCreatedAsync(datasetId, new DatasetDefinition { Title = "coverage" }, c),
            ["DatasetService.CreateAsync"] = c => s.Datasets.CreateAsync(new DatasetDefinition { Title = "another" }, c),
            ["DatasetService.UpdateAsync"] = c => s.Datasets.UpdateAsync(datasetId, new DatasetChanges { Description = "d" }, c),
            ["DatasetService.DeleteAsync"] = async c => await s.Datasets.DeleteAsync(await s.Datasets.CreateAsync(new DatasetDefinition { Title = "gone" }, c), null, c),
            ["ChangesetService.List"] = c => Drain(s.Changesets.List(datasetId, null, c)),
            ["ChangesetService.GetAsync"] = c => s.Changesets.GetAsync(datasetId, changesetId, c),
            ["ChangesetService.CreateAsync"] = c => s.Changesets.CreateAsync(datasetId, Changeset(), c),
            ["ChangesetService.UpdateAsync"] = c => s.Changesets.UpdateAsync(datasetId, changesetId, new ChangesetChanges { FormatParams = { ["separator"] = "|" } }, c),
            ["ChangesetService.Observe"] = c => Drain(s.Changesets.Observe(datasetId, changesetId, wait, c)),
            ["DataViewService.List"] = c => Drain(s.DataViews.List(datasetId, null, c)),
            ["DataViewService.GetAsync"] = c => s.DataViews.GetAsync(datasetId, dataViewId, c),
            ["DataViewService.CreateAsync"] = c => s.DataViews.CreateAsync(datasetId, new DataViewDefinition(), c),
            ["DataViewService.Observe"] = c => Drain(s.DataViews.Observe(datasetId, dataViewId, wait, c)),
            ["DataViewService.GetAccessDetailAsync"] = c => s.DataViews.GetAccessDetailAsync(datasetId, dataViewId, c),
            ["PermissionGroupService.List"] = c => Drain(s.PermissionGroups.List(null, c)),
            ["PermissionGroupService.ListByUser"] = c => Drain(s.PermissionGroups.ListByUser(userId, null, c)),
            ["PermissionGroupService.GetAsync"] = c => s.PermissionGroups.GetAsync(groupId, c),
            ["PermissionGroupService.CreateAsync"] = c => s.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = "second" }, c),
            ["PermissionGroupService.UpdateAsync"] = c => s.PermissionGroups.UpdateAsync(groupId, new PermissionGroupChanges { Description = "d" }, c),
            ["PermissionGroupService.DeleteAsync"] = async c => await s.PermissionGroups.DeleteAsync(await s.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = "gone" }, c), null, c),
            ["PermissionGroupService.AddUserAsync"] = c => s.PermissionGroups.AddUserAsync(groupId, userId, null, c),
            ["PermissionGroupService.RemoveUserAsync"] = c => s.PermissionGroups.RemoveUserAsync(groupId, userId, null, c),
            ["UserService.List"] = c => Drain(s.Users.List(null, c)),
            ["UserService.ListByPermissionGroup"] = c => Drain(s.Users.ListByPermissionGroup(groupId, null, c)),
            ["UserService.GetAsync"] = c => s.Users.GetAsync(userId, c),
            ["UserService.CreateAsync"] = c => s.Users.CreateAsync(new UserDefinition { EmailAddress = "second@example.com" }, c),
            ["UserService.UpdateAsync"] = c => s.Users.UpdateAsync(userId, new UserChanges { FirstName = "F" }, c),
            ["UserService.EnableAsync"] = c => s.Users.EnableAsync(userId, null, c),
            ["UserService.DisableAsync"] = c => s.Users.DisableAsync(userId, null, c),
            ["UserService.ResetPasswordAsync"] = c => s.Users.ResetPasswordAsync(userId, null, c),
            ["EnvironmentService.GetProgrammaticAccessCredentialAsync"] = c => s.Environment.GetProgrammaticAccessCredentialAsync("env", null, c),
            ["EnvironmentService.GetWorkingLocationAsync"] = c => s.Environment.GetWorkingLocationAsync(null, c),
            ["SessionConnector.ConnectAsync"] = c => SessionConnector.ConnectAsync(connection, null, "env", null, cache, c),
        };

        var notRunnable = called.Where(m => !runs.ContainsKey(m)).ToList();
        Assert.True(notRunnable.Count == 0, "Cmdlets call service methods this test cannot run yet: " + string.Join(", ", notRunnable));

        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in called)
        {
            emulator.Admin.Counters.Reset();
            await runs[method](ct);
            reached.UnionWith(emulator.Admin.Counters.Snapshot().Keys);
        }

        var missing = ServiceModel.Operations.Select(o => o.Name).Where(o => !reached.Contains(o)).ToList();
        Assert.True(missing.Count == 0, "No cmdlet reaches: " + string.Join(", ", missing));
        Assert.Equal(31, reached.Count);
    }

    private static ChangesetDefinition Changeset() => new()
    {
        SourceParams = ChangesetParameters.Source(Path, null, null),
        FormatParams = ChangesetParameters.Format("CSV", null, null, null, null),
    };

    // The cmdlets enumerate on the pipeline thread; so does this, off the test's thread.
    private static Task Drain<T>(IEnumerable<T> items) => Task.Run(() =>
    {
        foreach (var _ in items)
        {
        }
    });

    /// <summary>"DatasetService.List", … : instance methods of the core services the cmdlet assembly references.</summary>
    private static HashSet<string> ServiceMethodsCalledByCmdlets()
    {
        using var stream = File.OpenRead(System.IO.Path.Combine(TestPaths.ModuleDirectory, "FinSpace.PowerShell.dll"));
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.GetKind() != MemberReferenceKind.Method || member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
            var typeName = reader.GetString(type.Name);
            var name = reader.GetString(member.Name);
            var isInstance = reader.GetBlobReader(member.Signature).ReadSignatureHeader().IsInstance;
            if (reader.GetString(type.Namespace) != "FinSpace.Management")
            {
                continue;
            }

            if ((typeName.EndsWith("Service", StringComparison.Ordinal) && isInstance) || (typeName == "SessionConnector" && name == "ConnectAsync"))
            {
                methods.Add(typeName + "." + name);
            }
        }

        return methods;
    }
}
