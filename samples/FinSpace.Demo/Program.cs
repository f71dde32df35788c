using System;
using System.Collections.Specialized;
using System.Linq;
using System.Threading.Tasks;
using FinSpace.Emulator;
using FinSpace.Management;

// Each step prints the PowerShell command that does the same, then what the core returned.
// The services called here are exactly the ones the cmdlets call.
await using var emulator = await FinSpaceEmulator.StartAsync(new EmulatorOptions { Lifecycle = LifecycleTimings.Uniform(TimeSpan.FromMilliseconds(300)) });
var connection = new ConnectionParameters
{
    EndpointUrl = emulator.BaseAddress.ToString(),
    Region = "us-east-1",
    AccessKey = EmulatorCredentials.AccessKeyId,
    SecretKey = EmulatorCredentials.SecretAccessKey,
};
var fs = ClientCache.Shared.GetServices(ConnectionResolver.Resolve(connection));
var log = new RequestLog();
using var scope = RequestLog.Enter(log);

Console.WriteLine($"FinSpace emulator started at {emulator.BaseAddress} (SigV4 checked, test keys {EmulatorCredentials.AccessKeyId}).");

Step($"Connect-FSEnvironment -EndpointUrl {emulator.BaseAddress} -Region us-east-1 -AccessKey {EmulatorCredentials.AccessKeyId} -SecretKey …");

Step("$group = New-FSPermissionGroup -Name Analysts -ApplicationPermission CreateDataset, AccessNotebooks");
var groupId = await fs.PermissionGroups.CreateAsync(new PermissionGroupDefinition { Name = "Analysts", ApplicationPermissions = { "CreateDataset", "AccessNotebooks" } });
Show(await fs.PermissionGroups.GetAsync(groupId), g => $"{g.PermissionGroupId}  {g.Name}  [{string.Join(", ", g.ApplicationPermissions)}]");

Step("'ana@example.com', 'ben@example.com' | % { New-FSUser -EmailAddress $_ } | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId");
foreach (var email in new[] { "ana@example.com", "ben@example.com" })
{
    var userId = await fs.Users.CreateAsync(new UserDefinition { EmailAddress = email, FirstName = email.Split('@')[0] });
    await fs.PermissionGroups.AddUserAsync(groupId, userId);
}

Step("Get-FSUser -PermissionGroupId $group.PermissionGroupId");
await foreach (var user in fs.Users.ListByPermissionGroupAsync(groupId))
{
    Show(user, u => $"{u.UserId}  {u.EmailAddress,-16} {u.Type}  {u.MembershipStatus}");
}

Step("$ds = New-FSDataset -Title 'Equity prices' -Alias alias/equities -Schema ([ordered]@{ ticker='STRING'; price='DOUBLE'; traded='DATE' }) -PrimaryKey ticker");
var datasetId = await fs.Datasets.CreateAsync(new DatasetDefinition
{
    Title = "Equity prices",
    Alias = "alias/equities",
    Schema = SchemaBuilder.Build(new OrderedDictionary { ["ticker"] = "STRING", ["price"] = "DOUBLE", ["traded"] = "DATE" }, new[] { "ticker" }),
    PermissionGroupId = groupId,
    DatasetPermissions = { "ViewDatasetDetails", "ReadDatasetDetails" },
});
Show(await fs.Datasets.GetAsync(datasetId), d => $"{d.DatasetId}  {d.Title}  {d.Kind}  {d.Alias}  schema: {d.Schema}");

Step("$ds | New-FSChangeset -ChangeType REPLACE -SourcePath s3://finspace-emulator-working/equities.csv -FormatType CSV -WithHeader | Wait-FSChangeset");
var changesetId = await fs.Changesets.CreateAsync(datasetId, new ChangesetDefinition
{
    ChangeType = "REPLACE",
    SourceParams = ChangesetParameters.Source("s3://finspace-emulator-working/equities.csv", null, null),
    FormatParams = ChangesetParameters.Format("CSV", true, null, null, null),
});
await foreach (var seen in fs.Changesets.ObserveAsync(datasetId, changesetId, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(250) }))
{
    Console.WriteLine($"    {seen.Value.ChangesetId}  {seen.Value.Status,-8} after {seen.Elapsed.TotalSeconds:0.0} s");
}

Step("Get-FSDataset -DatasetId no-such-dataset -ErrorAction SilentlyContinue -ErrorVariable missing");
try
{
    await fs.Datasets.GetAsync("no-such-dataset");
}
catch (Exception exception)
{
    var error = ErrorClassifier.Classify(exception);
    Console.WriteLine($"    non-terminating error {error.ErrorId} ({error.Category}): {error.Message}");
}

Step("-Verbose showed one line per request:");
foreach (var line in log.Drain().Take(4))
{
    Console.WriteLine("    VERBOSE: " + line);
}

Console.WriteLine();
Console.WriteLine($"{emulator.Admin.Counters.Total} signed requests served. Try the same in PowerShell: ./build.ps1 -Task Demo");
return 0;

static void Step(string command)
{
    Console.WriteLine();
    Console.WriteLine("PS> " + command);
}

static void Show<T>(T item, Func<T, string> describe) => Console.WriteLine("    " + describe(item));
