using System;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

[Collection(EmulatorCollection.Name)]
public sealed class PermissionGroupAndUserServiceTests(EmulatorFixture fixture)
{
    private PermissionGroupService Groups => fixture.Services.PermissionGroups;
    private UserService Users => fixture.Services.Users;

    private Task<string> NewUserAsync(string first = "Ana") =>
        Users.CreateAsync(new UserDefinition { EmailAddress = EmulatorFixture.Unique("u") + "@example.com", FirstName = first, LastName = "Lee" }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task GroupsAreCreatedReadAndChangedOnlyWhereAsked()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = EmulatorFixture.Unique("analysts");
        var id = await Groups.CreateAsync(new PermissionGroupDefinition
        {
            Name = name,
            Description = "Research",
            ApplicationPermissions = { "CreateDataset", "accessnotebooks", "CreateDataset" },
        }, ct);

        var created = await Groups.GetAsync(id, ct);
        Assert.Equal(name, created.Name);
        Assert.Equal(new[] { "CreateDataset", "AccessNotebooks" }, created.ApplicationPermissions);
        // Reads as text where a plain list would print its type name (Export-Csv, Format-Table).
        Assert.Equal("CreateDataset, AccessNotebooks", created.ApplicationPermissions.ToString());

        await Groups.UpdateAsync(id, new PermissionGroupChanges { Description = "Research and trading" }, ct);
        var changed = await Groups.GetAsync(id, ct);
        Assert.Equal("Research and trading", changed.Description);
        Assert.Equal(name, changed.Name);
        Assert.Equal(created.ApplicationPermissions, changed.ApplicationPermissions);

        Assert.Contains(Groups.ListAsync(cancellationToken: ct).AsBlocking(ct), g => g.PermissionGroupId == id);
        await Groups.DeleteAsync(id, cancellationToken: ct);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Groups.GetAsync(id, ct));
    }

    [Fact]
    public async Task MembershipIsTheSameSeenFromEitherSide()
    {
        var ct = TestContext.Current.CancellationToken;
        var groupId = await Groups.CreateAsync(new PermissionGroupDefinition { Name = EmulatorFixture.Unique("g") }, ct);
        var ana = await NewUserAsync("Ana");
        var ben = await NewUserAsync("Ben");

        var added = await Groups.AddUserAsync(groupId, ana, cancellationToken: ct);
        await Groups.AddUserAsync(groupId, ben, cancellationToken: ct);

        Assert.Equal((groupId, ana), (added.PermissionGroupId, added.UserId));
        var members = Users.ListByPermissionGroupAsync(groupId, cancellationToken: ct).AsBlocking(ct).ToList();
        Assert.Equal(new[] { ana, ben }.OrderBy(x => x), members.Select(m => m.UserId).OrderBy(x => x));
        Assert.All(members, m => Assert.Equal("ADDITION_SUCCESS", m.MembershipStatus));
        var anasGroups = Groups.ListByUserAsync(ana, cancellationToken: ct).AsBlocking(ct).ToList();
        var anasGroup = Assert.Single(anasGroups);
        Assert.Equal((ana, groupId, "ADDITION_SUCCESS"), (anasGroup.UserId, anasGroup.PermissionGroupId, anasGroup.MembershipStatus));
        Assert.Equal((await Groups.GetAsync(groupId, ct)).Name, anasGroup.Name);

        var removed = await Groups.RemoveUserAsync(groupId, ana, cancellationToken: ct);
        Assert.Equal(ana, removed.UserId);
        Assert.Equal(new[] { ben }, Users.ListByPermissionGroupAsync(groupId, cancellationToken: ct).AsBlocking(ct).Select(m => m.UserId));
        Assert.Empty(Groups.ListByUserAsync(ana, cancellationToken: ct).AsBlocking(ct));
    }

    [Fact]
    public async Task UsersAreChangedOnlyWhereAskedAndEnabledOrDisabled()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await NewUserAsync("Cy");

        await Users.UpdateAsync(id, new UserChanges { LastName = "Park" }, ct);
        var changed = await Users.GetAsync(id, ct);
        Assert.Equal(("Cy", "Park", "APP_USER"), (changed.FirstName, changed.LastName, changed.Type));

        await Users.DisableAsync(id, cancellationToken: ct);
        var disabled = await Users.GetAsync(id, ct);
        Assert.Equal("DISABLED", disabled.Status);
        Assert.NotNull(disabled.LastDisabledTime);

        await Users.EnableAsync(id, cancellationToken: ct);
        var enabled = await Users.GetAsync(id, ct);
        Assert.Equal("ENABLED", enabled.Status);
        Assert.NotNull(enabled.LastEnabledTime);
        Assert.Contains(Users.ListAsync(cancellationToken: ct).AsBlocking(ct), u => u.UserId == id);
    }

    [Fact]
    public async Task APasswordResetComesBackProtected()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await NewUserAsync();

        var plain = await Users.ResetPasswordAsync(id, cancellationToken: ct);
        var secure = UserService.Protect(plain);

        Assert.Equal(id, plain.UserId);
        Assert.InRange(plain.TemporaryPassword!.Length, 8, 20);
        Assert.Equal(plain.TemporaryPassword, ChangesetAndDataViewServiceTests.Reveal(secure.TemporaryPassword!));
        Assert.DoesNotContain(plain.TemporaryPassword, secure.ToString());
    }

    [Fact]
    public async Task ProgrammaticCredentialsExpireAfterTheirDurationAndWorkingLocationsPointAtS3()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = DateTime.Now;

        var plain = await fixture.Services.Environment.GetProgrammaticAccessCredentialAsync("env-1234", 15, ct);
        var secure = EnvironmentService.Protect(plain);
        var location = await fixture.Services.Environment.GetWorkingLocationAsync("INGESTION", ct);

        Assert.StartsWith("ASIA", plain.AccessKeyId);
        Assert.Equal(15, plain.DurationInMinutes);
        Assert.InRange(plain.Expiration!.Value, before.AddMinutes(15), DateTime.Now.AddMinutes(15));
        Assert.Equal(plain.SessionToken, ChangesetAndDataViewServiceTests.Reveal(secure.SessionToken!));
        Assert.Equal(plain.AccessKeyId, secure.AccessKeyId);
        Assert.StartsWith("s3://" + location.S3Bucket + "/", location.S3Uri);
        Assert.Equal("INGESTION", location.LocationType);
    }

    [Fact]
    public async Task AWorkingLocationAskedWithoutATypeIsTheIngestionOneAndSaysSo()
    {
        var ct = TestContext.Current.CancellationToken;

        var unnamed = await fixture.Services.Environment.GetWorkingLocationAsync(null, ct);
        var ingestion = await fixture.Services.Environment.GetWorkingLocationAsync("ingestion", ct);
        var sagemaker = await fixture.Services.Environment.GetWorkingLocationAsync("SAGEMAKER", ct);

        Assert.Equal("INGESTION", unnamed.LocationType);
        Assert.Equal(ingestion.S3Uri, unnamed.S3Uri);
        Assert.Equal("INGESTION", ingestion.LocationType);
        Assert.Equal("SAGEMAKER", sagemaker.LocationType);
        Assert.NotEqual(ingestion.S3Uri, sagemaker.S3Uri);
    }
}
