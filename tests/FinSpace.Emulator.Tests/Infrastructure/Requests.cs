using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Tests.Infrastructure;

/// <summary>Valid request bodies and create-and-return-id shortcuts, so each test states only what it is about.</summary>
internal static class Requests
{
    public static object Dataset(string title = "Prices", string? alias = null, string? clientToken = null, string? permissionGroupId = null) => new Dictionary<string, object?>
    {
        ["datasetTitle"] = title,
        ["kind"] = "TABULAR",
        ["permissionGroupParams"] = permissionGroupId is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["permissionGroupId"] = permissionGroupId },
        ["alias"] = alias,
        ["clientToken"] = clientToken,
    }.WithoutNulls();

    public static object Changeset(string sourcePath = "s3://bucket/data.csv", string changeType = "REPLACE") => new Dictionary<string, object>
    {
        ["changeType"] = changeType,
        ["sourceParams"] = new Dictionary<string, string> { ["s3SourcePath"] = sourcePath },
        ["formatParams"] = new Dictionary<string, string> { ["formatType"] = "CSV" },
    };

    public static object DataView(string destinationType = "S3") => new Dictionary<string, object>
    {
        ["destinationTypeParams"] = new Dictionary<string, string> { ["destinationType"] = destinationType },
    };

    public static object PermissionGroup(string name) => new Dictionary<string, object>
    {
        ["name"] = name,
        ["applicationPermissions"] = new[] { "CreateDataset" },
    };

    public static object User(string email) => new Dictionary<string, object>
    {
        ["emailAddress"] = email,
        ["type"] = "APP_USER",
    };

    public static async Task<string> CreateDatasetAsync(this ApiClient client, string title = "Prices", string? alias = null) =>
        Ok(await client.PostAsync("/datasetsv2", Dataset(title, alias))).Str("datasetId");

    public static async Task<string> CreateChangesetAsync(this ApiClient client, string datasetId, string sourcePath = "s3://bucket/data.csv") =>
        Ok(await client.PostAsync($"/datasets/{datasetId}/changesetsv2", Changeset(sourcePath))).Str("changesetId");

    public static async Task<string> CreateGroupAsync(this ApiClient client, string name) =>
        Ok(await client.PostAsync("/permission-group", PermissionGroup(name))).Str("permissionGroupId");

    public static async Task<string> CreateUserAsync(this ApiClient client, string email) =>
        Ok(await client.PostAsync("/user", User(email))).Str("userId");

    public static ApiResponse Ok(ApiResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, $"expected 200, got {response}");
        return response;
    }

    private static Dictionary<string, object?> WithoutNulls(this Dictionary<string, object?> body)
    {
        foreach (var key in new List<string>(body.Keys))
        {
            if (body[key] is null)
            {
                body.Remove(key);
            }
        }

        return body;
    }
}
