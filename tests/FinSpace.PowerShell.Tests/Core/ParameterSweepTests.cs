using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Validation;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// The cmdlet core's half of the model sweep (FinSpace.Data.Tests.ModelSweepTests is the client's):
/// every parameter a cmdlet hands to the engine, given hostile strings, against a signed emulator that
/// validates everything it receives with the service model. A value the engine refuses must send
/// nothing (the emulator's request counter proves it) and name the parameter and the rule; a value it
/// sends must not be one the emulator refuses as invalid. The totals are printed.
/// </summary>
public sealed class ParameterSweepTests
{
    private static readonly string[] Hostile =
    {
        "", "   ", "\t", new string('m', 1 << 20), "a\u0000b", "\u001b[31m", ".", "..", "%2F", "a/b", "a/../b",
        "\U0001D11E", new string('x', 27), "tabular", "alias/ok",
    };

    private sealed record Feed(string Call, string Parameter, Func<FinSpaceServices, string, CancellationToken, Task> Run);

    private static IEnumerable<Feed> Feeds(string dataset, string group, string user)
    {
        yield return new("Datasets.Get", "DatasetId", (s, v, ct) => s.Datasets.GetAsync(v, ct));
        yield return new("Datasets.Delete", "DatasetId", (s, v, ct) => s.Datasets.DeleteAsync(v, null, ct));
        yield return new("Datasets.Delete", "ClientToken", (s, v, ct) => s.Datasets.DeleteAsync("no-such-dataset", v, ct));
        yield return new("Datasets.Create", "Title", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = v }, ct));
        yield return new("Datasets.Create", "Kind", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", Kind = v }, ct));
        yield return new("Datasets.Create", "Description", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", Description = v }, ct));
        yield return new("Datasets.Create", "Alias", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", Alias = v }, ct));
        yield return new("Datasets.Create", "OwnerName", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", Owner = new DatasetOwner { Name = v } }, ct));
        yield return new("Datasets.Create", "OwnerEmail", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", Owner = new DatasetOwner { Email = v } }, ct));
        yield return new("Datasets.Create", "OwnerPhoneNumber", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", Owner = new DatasetOwner { PhoneNumber = v } }, ct));
        yield return new("Datasets.Create", "PermissionGroupId", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", PermissionGroupId = v }, ct));
        yield return new("Datasets.Create", "ClientToken", (s, v, ct) => s.Datasets.CreateAsync(new DatasetDefinition { Title = "t", ClientToken = v }, ct));
        yield return new("Datasets.Update", "DatasetId", (s, v, ct) => s.Datasets.UpdateAsync(v, new DatasetChanges { Title = "t" }, ct));
        yield return new("Datasets.Update", "Title", (s, v, ct) => s.Datasets.UpdateAsync(dataset, new DatasetChanges { Title = v }, ct));
        yield return new("Datasets.Update", "Kind", (s, v, ct) => s.Datasets.UpdateAsync(dataset, new DatasetChanges { Kind = v }, ct));
        yield return new("Datasets.Update", "Description", (s, v, ct) => s.Datasets.UpdateAsync(dataset, new DatasetChanges { Description = v }, ct));
        yield return new("Datasets.Update", "Alias", (s, v, ct) => s.Datasets.UpdateAsync(dataset, new DatasetChanges { Alias = v }, ct));
        yield return new("Users.Get", "UserId", (s, v, ct) => s.Users.GetAsync(v, ct));
        yield return new("Users.Create", "EmailAddress", (s, v, ct) => s.Users.CreateAsync(new UserDefinition { EmailAddress = v }, ct));
        yield return new("Users.Create", "Type", (s, v, ct) => s.Users.CreateAsync(new UserDefinition { EmailAddress = Email(), Type = v }, ct));
        yield return new("Users.Create", "FirstName", (s, v, ct) => s.Users.CreateAsync(new UserDefinition { EmailAddress = Email(), FirstName = v }, ct));
        yield return new("Users.Create", "LastName", (s, v, ct) => s.Users.CreateAsync(new UserDefinition { EmailAddress = Email(), LastName = v }, ct));
        yield return new("Users.Create", "ApiAccess", (s, v, ct) => s.Users.CreateAsync(new UserDefinition { EmailAddress = Email(), ApiAccess = v }, ct));
        yield return new("Users.Create", "ApiAccessPrincipalArn", (s, v, ct) => s.Users.CreateAsync(new UserDefinition { EmailAddress = Email(), ApiAccessPrincipalArn = v }, ct));
        yield return new("Users.Update", "UserId", (s, v, ct) => s.Users.UpdateAsync(v, new UserChanges { FirstName = "f" }, ct));
        yield return new("Users.Update", "FirstName", (s, v, ct) => s.Users.UpdateAsync(user, new UserChanges { FirstName = v }, ct));
        yield return new("Users.Update", "ApiAccessPrincipalArn", (s, v, ct) => s.Users.UpdateAsync(user, new UserChanges { ApiAccessPrincipalArn = v }, ct));
        yield return new("Users.Update", "Type", (s, v, ct) => s.Users.UpdateAsync(user, new UserChanges { Type = v }, ct));
        yield return new("Users.Enable", "UserId", (s, v, ct) => s.Users.EnableAsync(v, null, ct));
        yield return new("Users.Disable", "UserId", (s, v, ct) => s.Users.DisableAsync(v, null, ct));
        yield return new("Users.ResetPassword", "UserId", (s, v, ct) => s.Users.ResetPasswordAsync(v, null, ct));
        yield return new("Users.ListByPermissionGroup", "PermissionGroupId", (s, v, ct) => Drain(s.Users.ListByPermissionGroupAsync(v, null, ct)));
        yield return new("PermissionGroups.Get", "PermissionGroupId", (s, v, ct) => s.PermissionGroups.GetAsync(v, ct));
        yield return new("PermissionGroups.Create", "Name", (s, v, ct) => s.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = v }, ct));
        yield return new("PermissionGroups.Create", "Description", (s, v, ct) => s.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = Email(), Description = v }, ct));
        yield return new("PermissionGroups.Create", "ApplicationPermission", (s, v, ct) => s.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = Email(), ApplicationPermissions = { v } }, ct));
        yield return new("PermissionGroups.Update", "PermissionGroupId", (s, v, ct) => s.PermissionGroups.UpdateAsync(v, new PermissionGroupChanges { Name = Email() }, ct));
        yield return new("PermissionGroups.Update", "Description", (s, v, ct) => s.PermissionGroups.UpdateAsync(group, new PermissionGroupChanges { Description = v }, ct));
        yield return new("PermissionGroups.Delete", "PermissionGroupId", (s, v, ct) => s.PermissionGroups.DeleteAsync(v, null, ct));
        yield return new("PermissionGroups.AddUser", "PermissionGroupId", (s, v, ct) => s.PermissionGroups.AddUserAsync(v, user, null, ct));
        yield return new("PermissionGroups.AddUser", "UserId", (s, v, ct) => s.PermissionGroups.AddUserAsync(group, v, null, ct));
        yield return new("PermissionGroups.RemoveUser", "UserId", (s, v, ct) => s.PermissionGroups.RemoveUserAsync(group, v, null, ct));
        yield return new("PermissionGroups.ListByUser", "UserId", (s, v, ct) => Drain(s.PermissionGroups.ListByUserAsync(v, null, ct)));
        yield return new("Changesets.List", "DatasetId", (s, v, ct) => Drain(s.Changesets.ListAsync(v, null, ct)));
        yield return new("Changesets.Get", "ChangesetId", (s, v, ct) => s.Changesets.GetAsync(dataset, v, ct));
        yield return new("Changesets.Create", "DatasetId", (s, v, ct) => s.Changesets.CreateAsync(v, Changeset(null), ct));
        yield return new("Changesets.Create", "ChangeType", (s, v, ct) => s.Changesets.CreateAsync(dataset, new ChangesetDefinition { ChangeType = v, SourceParams = Changeset(null).SourceParams, FormatParams = Changeset(null).FormatParams }, ct));
        yield return new("Changesets.Create", "Separator", (s, v, ct) => s.Changesets.CreateAsync(dataset, Changeset(v), ct));
        yield return new("Changesets.Update", "ChangesetId", (s, v, ct) => s.Changesets.UpdateAsync(dataset, v, new ChangesetChanges { FormatParams = Changeset(",").FormatParams }, ct));
        yield return new("Changesets.Update", "Separator", (s, v, ct) => s.Changesets.UpdateAsync(dataset, "no-such-changeset", new ChangesetChanges { FormatParams = Changeset(v).FormatParams }, ct));
        yield return new("DataViews.List", "DatasetId", (s, v, ct) => Drain(s.DataViews.ListAsync(v, null, ct)));
        yield return new("DataViews.Get", "DataViewId", (s, v, ct) => s.DataViews.GetAsync(dataset, v, ct));
        yield return new("DataViews.GetAccessDetail", "DataViewId", (s, v, ct) => s.DataViews.GetAccessDetailAsync(dataset, v, ct));
        yield return new("DataViews.Create", "DestinationType", (s, v, ct) => s.DataViews.CreateAsync(dataset, new DataViewDefinition { DestinationType = v }, ct));
        yield return new("DataViews.Create", "ExportFileFormat", (s, v, ct) => s.DataViews.CreateAsync(dataset, new DataViewDefinition { DestinationType = "S3", ExportFileFormat = v }, ct));
        yield return new("DataViews.Create", "PartitionColumn", (s, v, ct) => s.DataViews.CreateAsync(dataset, new DataViewDefinition { PartitionColumns = { v } }, ct));
        yield return new("Environment.GetWorkingLocation", "LocationType", (s, v, ct) => s.Environment.GetWorkingLocationAsync(v, ct));
        yield return new("Environment.GetProgrammaticAccessCredential", "EnvironmentId", (s, v, ct) => s.Environment.GetProgrammaticAccessCredentialAsync(v, null, ct));
    }

    [Fact]
    public async Task EveryRefusedValueSendsNothingAndNamesTheParameterAndNoInvalidValueReachesTheEmulator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions(), ct);
        var services = EmulatorFixture.ServicesFor(emulator);
        var dataset = await services.Datasets.CreateAsync(new DatasetDefinition { Title = "Sweep" }, ct);
        var group = await services.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = "Sweep" }, ct);
        var user = await services.Users.CreateAsync(new UserDefinition { EmailAddress = "sweep@example.com" }, ct);

        var (feeds, tried, rejected, sent, invalidOnTheWire) = (0, 0, 0, 0, 0);
        var failures = new List<string>();
        foreach (var feed in Feeds(dataset, group, user))
        {
            feeds++;
            foreach (var value in Hostile)
            {
                tried++;
                var before = emulator.Admin.Counters.Total;
                Exception? error = null;
                try
                {
                    await feed.Run(services, value, ct);
                }
                catch (Exception e)
                {
                    error = e;
                }

                var what = $"{feed.Call} -{feed.Parameter} {Show(value)}";
                var requests = emulator.Admin.Counters.Total - before;
                if (error is RequestValidationException or ParameterRuleException)
                {
                    rejected++;
                    var problems = error is RequestValidationException model ? model.Problems : ((ParameterRuleException)error).Problems;
                    if (requests != 0)
                    {
                        failures.Add($"{what}: refused, yet {requests} request(s) reached the emulator");
                    }

                    if (!problems.Any(p => p.Parameter == feed.Parameter && p.Rule.Length > 0) || !error.Message.Contains("-" + feed.Parameter, StringComparison.Ordinal))
                    {
                        failures.Add($"{what}: refused with '{Show(error.Message)}', which does not name -{feed.Parameter}");
                    }

                    continue;
                }

                sent++;
                if (error is FinSpace.Data.Model.ValidationException invalid)
                {
                    invalidOnTheWire++;
                    failures.Add($"{what}: the emulator refused it as invalid ({invalid.Message})");
                }
            }
        }

        var totals = $"Parameter sweep: {feeds} parameters of the engine's calls, {tried} hostile values tried: {rejected} rejected before sending, {sent} sent; invalid values on the wire: {invalidOnTheWire}.";
        TestContext.Current.TestOutputHelper?.WriteLine("[figure] " + totals);
        Assert.True(failures.Count == 0, totals + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(40)));
        Assert.True(rejected > 0 && sent > 0, totals);
    }

    private static string Email() => EmulatorFixture.Unique("u") + "@example.com";

    private static ChangesetDefinition Changeset(string? separator) => new()
    {
        ChangeType = "APPEND",
        SourceParams = ChangesetParameters.Source("s3://bucket/a.csv", null, null),
        FormatParams = ChangesetParameters.Format("CSV", true, separator, null, null),
    };

    private static async Task Drain<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }

    private static string Show(string value) =>
        value.Length > 40 ? $"<{value.Length} characters>" : System.Text.Json.JsonSerializer.Serialize(value);
}
