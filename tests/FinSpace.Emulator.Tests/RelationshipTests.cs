using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Parents, children, memberships from both sides, and the documented conflicts.</summary>
public sealed class RelationshipTests
{
    [Fact]
    public async Task ChildrenOfAMissingDatasetAreNotFound()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var create = await client.PostAsync("/datasets/noSuchDataset/changesetsv2", Requests.Changeset());
        var list = await client.GetAsync("/datasets/noSuchDataset/dataviewsv2");
        var view = await client.PostAsync("/datasets/noSuchDataset/dataviewsv2", Requests.DataView());

        foreach (var response in new[] { create, list, view })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("DATASET_NOT_FOUND", response.Reason);
        }
    }

    [Fact]
    public async Task DeletingADatasetRemovesItsChangesetsAndDataViews()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var keep = await client.CreateDatasetAsync("keep");
        var doomed = await client.CreateDatasetAsync("doomed");
        var changeset = await client.CreateChangesetAsync(doomed);
        await client.CreateChangesetAsync(keep);
        Requests.Ok(await client.PostAsync($"/datasets/{doomed}/dataviewsv2", Requests.DataView()));

        Requests.Ok(await client.DeleteAsync($"/datasetsv2/{doomed}"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/datasets/{doomed}/changesetsv2/{changeset}")).Status);
        Assert.Equal(new StateSummary(1, 1, 0, 0, 0, 0), emulator.Admin.Summary());
    }

    [Fact]
    public async Task MembershipsAgreeFromBothSides()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var groups = new[] { await client.CreateGroupAsync("g1"), await client.CreateGroupAsync("g2") };
        var users = new[] { await client.CreateUserAsync("u1@example.com"), await client.CreateUserAsync("u2@example.com"), await client.CreateUserAsync("u3@example.com") };
        var pairs = new[] { (0, 0), (0, 1), (1, 1), (1, 2) };
        foreach (var (g, u) in pairs)
        {
            Requests.Ok(await client.PostAsync($"/permission-group/{groups[g]}/users/{users[u]}"));
        }

        Requests.Ok(await client.DeleteAsync($"/permission-group/{groups[0]}/users/{users[1]}"));

        var byGroup = new HashSet<(string, string)>();
        foreach (var g in groups)
        {
            var (ids, _) = await PagingTests.WalkAsync(client, $"/permission-group/{g}/users", "users", "userId", 1);
            byGroup.UnionWith(ids.Select(u => (g, u)));
        }

        var byUser = new HashSet<(string, string)>();
        foreach (var u in users)
        {
            var (ids, _) = await PagingTests.WalkAsync(client, $"/user/{u}/permission-groups", "permissionGroups", "permissionGroupId", 1);
            byUser.UnionWith(ids.Select(g => (g, u)));
        }

        var expected = new HashSet<(string, string)> { (groups[0], users[0]), (groups[1], users[1]), (groups[1], users[2]) };
        Assert.Equal(expected, byGroup);
        Assert.Equal(expected, byUser);
    }

    [Fact]
    public async Task DeletingAPermissionGroupEndsItsMemberships()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var group = await client.CreateGroupAsync("g");
        var user = await client.CreateUserAsync("member@example.com");
        Requests.Ok(await client.PostAsync($"/permission-group/{group}/users/{user}"));

        Requests.Ok(await client.DeleteAsync($"/permission-group/{group}"));
        var groupsOfUser = Requests.Ok(await client.GetAsync($"/user/{user}/permission-groups?maxResults=10")).Json;

        Assert.Equal(0, groupsOfUser.GetProperty("permissionGroups").GetArrayLength());
        Assert.Equal(0, emulator.Admin.Summary().Memberships);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/permission-group/{group}/users?maxResults=10")).Status);
    }

    [Fact]
    public async Task DuplicatesAreConflicts()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        await client.CreateDatasetAsync("a", alias: "alias/prices");
        await client.CreateGroupAsync("Traders");
        var user = await client.CreateUserAsync("trader@example.com");
        var group = await client.CreateGroupAsync("Quants");
        Requests.Ok(await client.PostAsync($"/permission-group/{group}/users/{user}"));

        var alias = await client.PostAsync("/datasetsv2", Requests.Dataset("b", alias: "alias/prices"));
        var name = await client.PostAsync("/permission-group", Requests.PermissionGroup("traders"));
        var email = await client.PostAsync("/user", Requests.User("TRADER@example.com"));
        var member = await client.PostAsync($"/permission-group/{group}/users/{user}");
        var rename = await client.PutAsync($"/permission-group/{group}", new Dictionary<string, object> { ["name"] = "TRADERS" });

        Assert.Equal(("ConflictException", "ALIAS_ALREADY_EXISTS"), (alias.ErrorType, alias.Reason));
        Assert.Equal(("ConflictException", "PERMISSION_GROUP_NAME_ALREADY_EXISTS"), (name.ErrorType, name.Reason));
        Assert.Equal(("ConflictException", "EMAIL_ALREADY_EXISTS"), (email.ErrorType, email.Reason));
        Assert.Equal(("ConflictException", "USER_ALREADY_IN_PERMISSION_GROUP"), (member.ErrorType, member.Reason));
        Assert.Equal(("ConflictException", "PERMISSION_GROUP_NAME_ALREADY_EXISTS"), (rename.ErrorType, rename.Reason));
        Assert.DoesNotContain("TRADER@example.com", email.Text);
    }

    [Fact]
    public async Task AnAliasIsFreedWhenItsDatasetIsDeletedOrRenamed()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var first = await client.CreateDatasetAsync("a", alias: "alias/one");
        Requests.Ok(await client.PutAsync($"/datasetsv2/{first}", new Dictionary<string, object> { ["datasetTitle"] = "a", ["kind"] = "TABULAR", ["alias"] = "alias/two" }));
        var reuseOld = await client.PostAsync("/datasetsv2", Requests.Dataset("b", alias: "alias/one"));
        Requests.Ok(await client.DeleteAsync($"/datasetsv2/{first}"));
        var reuseNew = await client.PostAsync("/datasetsv2", Requests.Dataset("c", alias: "alias/two"));

        Assert.Equal(HttpStatusCode.OK, reuseOld.Status);
        Assert.Equal(HttpStatusCode.OK, reuseNew.Status);
    }

    [Fact]
    public async Task ADatasetNamingAMissingPermissionGroupIsNotFound()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var response = await client.PostAsync("/datasetsv2", Requests.Dataset(permissionGroupId: "noSuchGroup"));

        Assert.Equal("PERMISSION_GROUP_NOT_FOUND", response.Reason);
    }

    [Fact]
    public async Task IdsAndArnsHaveTheDocumentedShape()
    {
        await using var emulator = await Emulators.StartAsync(o => o.AccountId = "111122223333");
        using var client = emulator.Client();
        var id = await client.CreateDatasetAsync();
        var changeset = await client.CreateChangesetAsync(id);

        var dataset = Requests.Ok(await client.GetAsync($"/datasetsv2/{id}")).Json;
        var changesetArn = Requests.Ok(await client.GetAsync($"/datasets/{id}/changesetsv2/{changeset}")).Str("changesetArn");

        Assert.Matches("^[0-9A-Za-z]{22}$", id);
        Assert.Equal($"arn:aws:finspace:us-east-1:111122223333:dataset/{id}", dataset.GetProperty("datasetArn").GetString());
        Assert.Equal($"arn:aws:finspace:us-east-1:111122223333:dataset/{id}/changeset/{changeset}", changesetArn);
    }

    [Fact]
    public async Task WorkingLocationAndExternalAccessFollowTheConfiguredBucket()
    {
        await using var emulator = await Emulators.StartAsync(o => o.WorkingLocation.Bucket = "my-bucket");
        using var client = emulator.Client();
        var dataset = await client.CreateDatasetAsync();
        var view = Requests.Ok(await client.PostAsync($"/datasets/{dataset}/dataviewsv2", Requests.DataView())).Str("dataViewId");

        var location = Requests.Ok(await client.PostAsync("/workingLocationV1", new Dictionary<string, string> { ["locationType"] = "SAGEMAKER" })).Json;
        var access = Requests.Ok(await client.PostAsync($"/datasets/{dataset}/dataviewsv2/{view}/external-access-details")).Json;

        Assert.Equal("my-bucket", location.GetProperty("s3Bucket").GetString());
        Assert.Equal($"s3://my-bucket/{location.GetProperty("s3Path").GetString()}", location.GetProperty("s3Uri").GetString());
        Assert.Equal("my-bucket", access.GetProperty("s3Location").GetProperty("bucket").GetString());
        Assert.StartsWith("ASIA", access.GetProperty("credentials").GetProperty("accessKeyId").GetString());
    }
}
