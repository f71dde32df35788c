using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Data.Validation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// What the engine checks before sending, named as the user typed it: ids in the URL, updates before
/// their read, values that cannot be cleared; and enum spelling and per-item tokens decided here, not
/// in the cmdlets.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ParameterValidationTests(EmulatorFixture fixture)
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0")]
    public async Task ABadIdIsRefusedNamingTheParameterAndNothingIsSent(string id)
    {
        var before = fixture.Emulator.Admin.Counters.Total;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => fixture.Services.Datasets.GetAsync(id, Ct));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("DatasetId", "datasetId"), (problem.Parameter, problem.MemberPath));
        Assert.StartsWith("-DatasetId (datasetId) must", error.Message);
        Assert.Equal("DatasetId", error.ParamName);
        Assert.Equal(before, fixture.Emulator.Admin.Counters.Total);
    }

    [Fact]
    public async Task AMembershipWithADotSegmentUserNeverReachesDeletePermissionGroup()
    {
        var group = await fixture.Services.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = EmulatorFixture.Unique("dots") }, Ct);
        var before = fixture.Emulator.Admin.Counters.Total;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => fixture.Services.PermissionGroups.RemoveUserAsync(group, "..", null, Ct));

        Assert.Equal(("UserId", "pathSegment"), (error.Problems[0].Parameter, error.Problems[0].Rule));
        Assert.Equal(before, fixture.Emulator.Admin.Counters.Total);
        Assert.Equal(group, (await fixture.Services.PermissionGroups.GetAsync(group, Ct)).PermissionGroupId);
    }

    [Fact]
    public async Task ABadDatasetUpdateSendsNothingNotEvenTheReadOfTheCurrentDataset()
    {
        var id = await fixture.Services.Datasets.CreateAsync(new DatasetDefinition { Title = "Before" }, Ct);
        var (gets, updates) = (fixture.Count("GetDataset"), fixture.Count("UpdateDataset"));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            fixture.Services.Datasets.UpdateAsync(id, new DatasetChanges { Title = new string('t', 256), Alias = "not-an-alias" }, Ct));

        Assert.Equal(new[] { "Title", "Alias" }, error.Problems.Select(p => p.Parameter));
        Assert.Contains("-Title (datasetTitle) must be at most 255 characters", error.Message);
        Assert.Contains("-Alias (alias) must match the pattern", error.Message);
        Assert.Equal((gets, updates), (fixture.Count("GetDataset"), fixture.Count("UpdateDataset")));
    }

    [Fact]
    public async Task ABadChangesetUpdateSendsNothingAndNamesTheTypedParameter()
    {
        var before = fixture.Emulator.Admin.Counters.Total;
        var changes = new ChangesetChanges { FormatParams = ChangesetParameters.Format(null, null, " ", null, null) };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => fixture.Services.Changesets.UpdateAsync("dataset1", "changeset1", changes, Ct));

        Assert.Equal(("Separator", "pattern"), (error.Problems[0].Parameter, error.Problems[0].Rule));
        Assert.StartsWith("-Separator (formatParams['separator']) must match", error.Message);
        Assert.Equal(before, fixture.Emulator.Admin.Counters.Total);
    }

    [Fact]
    public async Task AnEmptyDatasetDescriptionClearsIt()
    {
        var id = await fixture.Services.Datasets.CreateAsync(new DatasetDefinition { Title = "Described", Description = "To be cleared" }, Ct);

        await fixture.Services.Datasets.UpdateAsync(id, new DatasetChanges { Description = string.Empty }, Ct);

        Assert.True(string.IsNullOrEmpty((await fixture.Services.Datasets.GetAsync(id, Ct)).Description));
    }

    [Fact]
    public async Task AnEmptyApplicationPermissionListClearsEveryPermission()
    {
        var group = await fixture.Services.PermissionGroups.CreateAsync(
            new PermissionGroupDefinition { Name = EmulatorFixture.Unique("clear"), ApplicationPermissions = { "CreateDataset", "AccessNotebooks" } }, Ct);

        await fixture.Services.PermissionGroups.UpdateAsync(group, new PermissionGroupChanges { ApplicationPermissions = new List<string>() }, Ct);

        Assert.Empty((await fixture.Services.PermissionGroups.GetAsync(group, Ct)).ApplicationPermissions);
    }

    public static TheoryData<string, System.Action> ValuesThatCannotBeCleared => new()
    {
        { "Alias", () => new DatasetChanges { Alias = string.Empty }.Validate("dataset1") },
        { "ApiAccessPrincipalArn", () => new UserChanges { ApiAccessPrincipalArn = string.Empty }.Validate("user1") },
        { "FirstName", () => new UserChanges { FirstName = string.Empty }.Validate("user1") },
        { "LastName", () => new UserChanges { LastName = string.Empty }.Validate("user1") },
        { "Description", () => new PermissionGroupChanges { Description = string.Empty }.Validate("group1") },
        { "Name", () => new PermissionGroupChanges { Name = string.Empty }.Validate("group1") },
    };

    [Theory]
    [MemberData(nameof(ValuesThatCannotBeCleared))]
    public void ClearingWhatTheApiCannotClearIsRefusedSayingWhy(string parameter, System.Action validate)
    {
        var error = Assert.Throws<ParameterRuleException>(validate);

        var problem = Assert.Single(error.Problems);
        Assert.Equal((parameter, "cannotClear"), (problem.Parameter, problem.Rule));
        Assert.StartsWith($"-{parameter} cannot be cleared: ", error.Message);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public async Task AnEmptyUserNameBesideARealChangeIsKeptSentAsAbsentAndSaidSo()
    {
        var (client, recorder) = RecordingClient.Create();
        var changes = new UserChanges { FirstName = "Mia", LastName = string.Empty };

        changes.Validate("user1");
        await new UserService(client).UpdateAsync("user1", changes, Ct);

        var sent = Assert.IsType<UpdateUserRequest>(Assert.Single(recorder.Requests));
        Assert.Equal(("Mia", null), (sent.FirstName, sent.LastName));
        Assert.StartsWith("-LastName is empty, so it is kept as it is: it cannot be cleared", Assert.Single(changes.Kept()));
    }

    [Fact]
    public void AnArnThatCannotBeClearedPointsToTheWayToStopApiAccess() =>
        Assert.Contains("-ApiAccess DISABLED", Assert.Throws<ParameterRuleException>(() => new UserChanges { ApiAccessPrincipalArn = string.Empty }.Validate()).Message);

    [Fact]
    public async Task EnumValuesTypedInAnyCaseAreSentInTheModelsSpelling()
    {
        var (client, recorder) = RecordingClient.Create();
        var users = new UserService(client);
        var datasets = new DatasetService(client);

        await users.CreateAsync(new UserDefinition { EmailAddress = "ana@example.com", Type = "super_user", ApiAccess = "enabled" }, Ct);
        await users.UpdateAsync("user1", new UserChanges { Type = "App_User", ApiAccess = "disabled" }, Ct);
        await datasets.CreateAsync(new DatasetDefinition { Title = "t", Kind = "non_tabular" }, Ct);
        await new EnvironmentService(client).GetWorkingLocationAsync("ingestion", Ct);

        var created = Assert.IsType<CreateUserRequest>(recorder.Requests[0]);
        Assert.Equal(("SUPER_USER", "ENABLED"), (created.Type!.Value, created.ApiAccess!.Value));
        var updated = Assert.IsType<UpdateUserRequest>(recorder.Requests[1]);
        Assert.Equal(("APP_USER", "DISABLED"), (updated.Type!.Value, updated.ApiAccess!.Value));
        Assert.Equal("NON_TABULAR", Assert.IsType<CreateDatasetRequest>(recorder.Requests[2]).Kind!.Value);
        Assert.Equal("INGESTION", Assert.IsType<GetWorkingLocationRequest>(recorder.Requests[3]).LocationType!.Value);
    }

    [Fact]
    public void AnEnumValueOutsideTheModelIsRefusedNamingTheParameterAndTheValues()
    {
        var error = Assert.Throws<RequestValidationException>(() => new UserDefinition { EmailAddress = "ana@example.com", Type = "ADMIN" }.Validate());

        Assert.Equal("-Type (type) must be one of SUPER_USER, APP_USER (got 'ADMIN'). Nothing was sent (CreateUser).", error.Message);
    }

    [Fact]
    public async Task TheServiceDerivesEachItemsTokenFromTheCallersAndNeverChangesTheSharedChanges()
    {
        var (client, recorder) = RecordingClient.Create();
        var users = new UserService(client);
        var changes = new UserChanges { FirstName = "Ana", ClientToken = "run-7" };

        await Task.WhenAll(users.UpdateAsync("user1", changes, Ct), users.UpdateAsync("user2", changes, Ct));
        await users.DisableAsync("user1", "run-7", Ct);

        var tokens = recorder.Requests.OfType<UpdateUserRequest>().ToDictionary(r => r.UserId!, r => r.ClientToken);
        Assert.Equal(ClientTokens.ForItem("run-7", "user1"), tokens["user1"]);
        Assert.Equal(ClientTokens.ForItem("run-7", "user2"), tokens["user2"]);
        Assert.Equal(ClientTokens.ForItem("run-7", "user1"), recorder.Requests.OfType<DisableUserRequest>().Single().ClientToken);
        Assert.Equal("run-7", changes.ClientToken);
    }

    [Fact]
    public void ACallerTokenWithoutRoomForTheItemSuffixIsRefusedNamingClientToken()
    {
        var error = Assert.Throws<RequestValidationException>(() => new PermissionGroupChanges { Name = "n", ClientToken = new string('t', 116) }.Validate("group1"));

        Assert.Equal(("ClientToken", "maxLength"), (error.Problems[0].Parameter, error.Problems[0].Rule));
        Assert.StartsWith("-ClientToken (clientToken) must be at most 115 characters long (got 116)", error.Message);
    }

    [Fact]
    public void CrossParameterRulesAreTheDefinitionsOwn()
    {
        var schemaOnNonTabular = Assert.Throws<ParameterRuleException>(() =>
            new DatasetDefinition { Title = "t", Kind = "NON_TABULAR", Schema = SchemaBuilder.Build(new System.Collections.Hashtable { ["a"] = "STRING" }, null) }.Validate());
        var keyWithoutSchema = Assert.Throws<System.ArgumentException>(() => SchemaBuilder.FromParameters(null, new[] { "a" }));
        var exportOnGlue = Assert.Throws<ParameterRuleException>(() => new DataViewDefinition { ExportFileFormat = "PARQUET" }.Validate("dataset1"));
        var nothing = Assert.Throws<ParameterRuleException>(() => new DatasetChanges().Validate());

        Assert.Equal("-Schema applies only to -Kind TABULAR datasets. Nothing was sent.", schemaOnNonTabular.Message);
        Assert.Equal("PrimaryKey", keyWithoutSchema.ParamName);
        Assert.Equal("ExportFileFormat", exportOnGlue.ParamName);
        Assert.Equal("Title", nothing.ParamName);
        Assert.Null(SchemaBuilder.FromParameters(null, null));
    }
}
