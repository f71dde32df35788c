using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using FinSpace.Emulator.Tests.Infrastructure;

namespace FinSpace.Emulator.Tests;

/// <summary>Constraints from the service model, reported as 400 ValidationException naming the member.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "/datasetsv2", """{"kind":"TABULAR","permissionGroupParams":{}}""", "datasetTitle" },
        { "/datasetsv2", """{"datasetTitle":"","kind":"TABULAR","permissionGroupParams":{}}""", "datasetTitle" },
        { "/datasetsv2", """{"datasetTitle":"t","kind":"SPREADSHEET","permissionGroupParams":{}}""", "kind" },
        { "/datasetsv2", """{"datasetTitle":"t","kind":"tabular","permissionGroupParams":{}}""", "kind" },
        { "/datasetsv2", """{"datasetTitle":"t","kind":"TABULAR","permissionGroupParams":{},"alias":"no-prefix"}""", "alias" },
        { "/datasetsv2", """{"datasetTitle":5,"kind":"TABULAR","permissionGroupParams":{}}""", "datasetTitle" },
        { "/datasetsv2", """{"datasetTitle":"t","kind":"TABULAR","permissionGroupParams":{},"schemaDefinition":{"tabularSchemaConfig":{"columns":[{"dataType":"WORD","columnName":"c"}]}}}""", "schemaDefinition.tabularSchemaConfig.columns[0].dataType" },
        { "/user", """{"emailAddress":"not-an-email","type":"APP_USER"}""", "emailAddress" },
        { "/user", """{"emailAddress":"a@example.com","type":"APP_USER","apiAccessPrincipalArn":"arn:aws:iam::1:role/x"}""", "apiAccessPrincipalArn" },
        { "/permission-group", """{"name":"g","applicationPermissions":["Fly"]}""", "applicationPermissions[0]" },
        { "/permission-group", """{"name":"g"}""", "applicationPermissions" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task AnInvalidBodyNamesTheMember(string path, string body, string member)
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var response = await client.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Equal("FIELD_VALIDATION_FAILED", response.Reason);
        Assert.Contains($"'{member}'", response.Message);
        Assert.Equal(new StateSummary(0, 0, 0, 0, 0, 0), emulator.Admin.Summary());
    }

    [Theory]
    [InlineData("/user?maxResults=0", "maxResults")]
    [InlineData("/user?maxResults=101", "maxResults")]
    [InlineData("/user?maxResults=ten", "maxResults")]
    [InlineData("/user", "maxResults")]
    [InlineData("/credentials/programmatic?environmentId=e&durationInMinutes=61", "durationInMinutes")]
    [InlineData("/credentials/programmatic", "environmentId")]
    public async Task InvalidQueryParametersNameTheMember(string pathAndQuery, string member)
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();

        var response = await client.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Contains($"'{member}'", response.Message);
    }

    [Fact]
    public async Task SensitiveValuesAreNotEchoedInMessages()
    {
        await using var emulator = await Emulators.StartAsync();
        using var client = emulator.Client();
        var tooLong = new string('n', 51);

        var response = await client.PostAsync("/user", new Dictionary<string, object> { ["emailAddress"] = "a@example.com", ["type"] = "APP_USER", ["firstName"] = tooLong });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("'firstName'", response.Message);
        Assert.DoesNotContain(tooLong, response.Text);
    }
}
