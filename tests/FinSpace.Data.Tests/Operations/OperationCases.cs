using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Model;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests.Operations;

/// <summary>
/// Every operation of the model with a request that uses its members, the request the model
/// prescribes for it (written out by hand from service-2.json, not produced by our serializer)
/// and a model-shaped response. Ids with '/', spaces and non-ASCII letters check label encoding.
/// </summary>
public static class OperationCases
{
    private const long T1 = 1700000000123;
    private const long T2 = 1700000456789;
    private const long T0 = 1690000000000;

    private static DateTimeOffset Ms(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static IReadOnlyDictionary<string, OperationCase> All { get; } = Build().ToDictionary(c => c.Operation);

    public static TheoryData<string> Names => new(All.Keys.OrderBy(n => n, StringComparer.Ordinal));

    private static IEnumerable<OperationCase> Build()
    {
        yield return new OperationCase
        {
            Operation = "AssociateUserToPermissionGroup",
            Call = async (c, ct) => await c.AssociateUserToPermissionGroupAsync(new AssociateUserToPermissionGroupRequest { PermissionGroupId = "pg 1", UserId = "u/1", ClientToken = "tok-assoc" }, ct),
            Method = "POST",
            Path = "/permission-group/pg%201/users/u%2F1",
            Body = """{"clientToken":"tok-assoc"}""",
            // The output's only member is bound to the HTTP status, so a non-200 success proves it is read from there.
            Response = ScriptedResponse.Json("{}", status: 201),
            AssertResult = r => Assert.Equal(201, ((AssociateUserToPermissionGroupResponse)r).StatusCode),
        };

        yield return new OperationCase
        {
            Operation = "CreateChangeset",
            Call = async (c, ct) => await c.CreateChangesetAsync(new CreateChangesetRequest
            {
                ClientToken = "tok-cs",
                DatasetId = "ds-1",
                ChangeType = ChangeType.Replace,
                SourceParams = new Dictionary<string, string> { ["s3SourcePath"] = "s3://bucket/prefix/" },
                FormatParams = new Dictionary<string, string> { ["formatType"] = "CSV", ["withHeader"] = "true" },
            }, ct),
            Method = "POST",
            Path = "/datasets/ds-1/changesetsv2",
            Body = """{"clientToken":"tok-cs","changeType":"REPLACE","sourceParams":{"s3SourcePath":"s3://bucket/prefix/"},"formatParams":{"formatType":"CSV","withHeader":"true"}}""",
            Response = ScriptedResponse.Json("""{"datasetId":"ds-1","changesetId":"cs-1"}"""),
            AssertResult = r =>
            {
                var response = (CreateChangesetResponse)r;
                Assert.Equal("ds-1", response.DatasetId);
                Assert.Equal("cs-1", response.ChangesetId);
            },
        };

        yield return new OperationCase
        {
            Operation = "CreateDataView",
            Call = async (c, ct) => await c.CreateDataViewAsync(new CreateDataViewRequest
            {
                ClientToken = "tok-dv",
                DatasetId = "ds-1",
                AutoUpdate = true,
                SortColumns = new List<string> { "trade_date" },
                PartitionColumns = new List<string> { "region" },
                AsOfTimestamp = Ms(T1),
                DestinationTypeParams = new DataViewDestinationTypeParams
                {
                    DestinationType = "S3",
                    S3DestinationExportFileFormat = ExportFileFormat.DelimitedText,
                    S3DestinationExportFileFormatOptions = new Dictionary<string, string> { ["separator"] = "," },
                },
            }, ct),
            Method = "POST",
            Path = "/datasets/ds-1/dataviewsv2",
            Body = """{"clientToken":"tok-dv","autoUpdate":true,"sortColumns":["trade_date"],"partitionColumns":["region"],"asOfTimestamp":1700000000123,"destinationTypeParams":{"destinationType":"S3","s3DestinationExportFileFormat":"DELIMITED_TEXT","s3DestinationExportFileFormatOptions":{"separator":","}}}""",
            Response = ScriptedResponse.Json("""{"datasetId":"ds-1","dataViewId":"dv-1"}"""),
            AssertResult = r =>
            {
                var response = (CreateDataViewResponse)r;
                Assert.Equal("ds-1", response.DatasetId);
                Assert.Equal("dv-1", response.DataViewId);
            },
        };

        yield return new OperationCase
        {
            Operation = "CreateDataset",
            Call = async (c, ct) => await c.CreateDatasetAsync(new CreateDatasetRequest
            {
                ClientToken = "tok-ds",
                DatasetTitle = "Trades",
                Kind = DatasetKind.Tabular,
                DatasetDescription = "Daily trades",
                OwnerInfo = new DatasetOwnerInfo { Name = "Ops", PhoneNumber = "+15550100123", Email = "ops@example.com" },
                PermissionGroupParams = new PermissionGroupParams
                {
                    PermissionGroupId = "pg-1",
                    DatasetPermissions = new List<ResourcePermission> { new() { Permission = "ViewDatasetDetails" }, new() { Permission = "ReadDatasetData" } },
                },
                Alias = "alias/trades",
                SchemaDefinition = new SchemaUnion
                {
                    TabularSchemaConfig = new SchemaDefinition
                    {
                        Columns = new List<ColumnDefinition>
                        {
                            new() { DataType = ColumnDataType.String, ColumnName = "sym", ColumnDescription = "Symbol" },
                            new() { DataType = ColumnDataType.Double, ColumnName = "px" },
                        },
                        PrimaryKeyColumns = new List<string> { "sym" },
                    },
                },
            }, ct),
            Method = "POST",
            Path = "/datasetsv2",
            Body = """
                {"clientToken":"tok-ds","datasetTitle":"Trades","kind":"TABULAR","datasetDescription":"Daily trades",
                 "ownerInfo":{"name":"Ops","phoneNumber":"+15550100123","email":"ops@example.com"},
                 "permissionGroupParams":{"permissionGroupId":"pg-1","datasetPermissions":[{"permission":"ViewDatasetDetails"},{"permission":"ReadDatasetData"}]},
                 "alias":"alias/trades",
                 "schemaDefinition":{"tabularSchemaConfig":{"columns":[{"dataType":"STRING","columnName":"sym","columnDescription":"Symbol"},{"dataType":"DOUBLE","columnName":"px"}],"primaryKeyColumns":["sym"]}}}
                """,
            Response = ScriptedResponse.Json("""{"datasetId":"ds-new"}"""),
            AssertResult = r => Assert.Equal("ds-new", ((CreateDatasetResponse)r).DatasetId),
        };

        yield return new OperationCase
        {
            Operation = "CreatePermissionGroup",
            Call = async (c, ct) => await c.CreatePermissionGroupAsync(new CreatePermissionGroupRequest
            {
                Name = "Analysts",
                Description = "Read only",
                ApplicationPermissions = new List<ApplicationPermission> { ApplicationPermission.CreateDataset, ApplicationPermission.AccessNotebooks },
                ClientToken = "tok-pg",
            }, ct),
            Method = "POST",
            Path = "/permission-group",
            Body = """{"name":"Analysts","description":"Read only","applicationPermissions":["CreateDataset","AccessNotebooks"],"clientToken":"tok-pg"}""",
            Response = ScriptedResponse.Json("""{"permissionGroupId":"pg-new"}"""),
            AssertResult = r => Assert.Equal("pg-new", ((CreatePermissionGroupResponse)r).PermissionGroupId),
        };

        yield return new OperationCase
        {
            Operation = "CreateUser",
            Call = async (c, ct) => await c.CreateUserAsync(new CreateUserRequest
            {
                EmailAddress = "ana@example.com",
                Type = UserType.AppUser,
                FirstName = "Ana",
                LastName = "Lyst",
                ApiAccess = ApiAccess.Enabled,
                ApiAccessPrincipalArn = "arn:aws:iam::123456789012:role/FinSpaceApi",
                ClientToken = "tok-user",
            }, ct),
            Method = "POST",
            Path = "/user",
            Body = """{"emailAddress":"ana@example.com","type":"APP_USER","firstName":"Ana","lastName":"Lyst","apiAccess":"ENABLED","apiAccessPrincipalArn":"arn:aws:iam::123456789012:role/FinSpaceApi","clientToken":"tok-user"}""",
            Response = ScriptedResponse.Json("""{"userId":"u-new"}"""),
            AssertResult = r => Assert.Equal("u-new", ((CreateUserResponse)r).UserId),
        };

        yield return new OperationCase
        {
            Operation = "DeleteDataset",
            Call = async (c, ct) => await c.DeleteDatasetAsync(new DeleteDatasetRequest { DatasetId = "ds/old", ClientToken = "tok-del" }, ct),
            Method = "DELETE",
            Path = "/datasetsv2/ds%2Fold",
            Query = new[] { "clientToken=tok-del" },
            Response = ScriptedResponse.Json("""{"datasetId":"ds/old"}"""),
            AssertResult = r => Assert.Equal("ds/old", ((DeleteDatasetResponse)r).DatasetId),
        };

        yield return new OperationCase
        {
            Operation = "DeletePermissionGroup",
            Call = async (c, ct) => await c.DeletePermissionGroupAsync(new DeletePermissionGroupRequest { PermissionGroupId = "pg-1", ClientToken = "tok del+1" }, ct),
            Method = "DELETE",
            Path = "/permission-group/pg-1",
            Query = new[] { "clientToken=tok%20del%2B1" },
            Response = ScriptedResponse.Json("""{"permissionGroupId":"pg-1"}"""),
            AssertResult = r => Assert.Equal("pg-1", ((DeletePermissionGroupResponse)r).PermissionGroupId),
        };

        yield return new OperationCase
        {
            Operation = "DisableUser",
            Call = async (c, ct) => await c.DisableUserAsync(new DisableUserRequest { UserId = "u-1", ClientToken = "tok-dis" }, ct),
            Method = "POST",
            Path = "/user/u-1/disable",
            Body = """{"clientToken":"tok-dis"}""",
            Response = ScriptedResponse.Json("""{"userId":"u-1"}"""),
            AssertResult = r => Assert.Equal("u-1", ((DisableUserResponse)r).UserId),
        };

        yield return new OperationCase
        {
            Operation = "DisassociateUserFromPermissionGroup",
            Call = async (c, ct) => await c.DisassociateUserFromPermissionGroupAsync(new DisassociateUserFromPermissionGroupRequest { PermissionGroupId = "pg-1", UserId = "ü 1", ClientToken = "tok-disassoc" }, ct),
            Method = "DELETE",
            Path = "/permission-group/pg-1/users/%C3%BC%201",
            Query = new[] { "clientToken=tok-disassoc" },
            // No body at all: the empty-response path must still produce a result with the status.
            Response = new ScriptedResponse { Status = 204 },
            AssertResult = r => Assert.Equal(204, ((DisassociateUserFromPermissionGroupResponse)r).StatusCode),
        };

        yield return new OperationCase
        {
            Operation = "EnableUser",
            Call = async (c, ct) => await c.EnableUserAsync(new EnableUserRequest { UserId = "u-1", ClientToken = "tok-en" }, ct),
            Method = "POST",
            Path = "/user/u-1/enable",
            Body = """{"clientToken":"tok-en"}""",
            Response = ScriptedResponse.Json("""{"userId":"u-1"}"""),
            AssertResult = r => Assert.Equal("u-1", ((EnableUserResponse)r).UserId),
        };

        yield return new OperationCase
        {
            Operation = "GetChangeset",
            Call = async (c, ct) => await c.GetChangesetAsync(new GetChangesetRequest { DatasetId = "ds-1", ChangesetId = "cs 1" }, ct),
            Method = "GET",
            Path = "/datasets/ds-1/changesetsv2/cs%201",
            Response = ScriptedResponse.Json("""
                {"changesetId":"cs 1","changesetArn":"arn:aws:finspace:us-west-2:123456789012:dataset/ds-1/changeset/cs-1","datasetId":"ds-1",
                 "changeType":"APPEND","sourceParams":{"s3SourcePath":"s3://b/k"},"formatParams":{"formatType":"PARQUET"},
                 "createTime":1700000000123,"status":"FAILED","errorInfo":{"errorMessage":"bad file","errorCategory":"USER_RECOVERABLE"},
                 "activeUntilTimestamp":1700000456789,"activeFromTimestamp":1690000000000,"updatesChangesetId":"cs-0","updatedByChangesetId":"cs-2"}
                """),
            AssertResult = r =>
            {
                var response = (GetChangesetResponse)r;
                Assert.Equal("cs 1", response.ChangesetId);
                Assert.Equal("arn:aws:finspace:us-west-2:123456789012:dataset/ds-1/changeset/cs-1", response.ChangesetArn);
                Assert.Equal("ds-1", response.DatasetId);
                Assert.Equal(ChangeType.Append, response.ChangeType);
                Assert.Equal("s3://b/k", response.SourceParams!["s3SourcePath"]);
                Assert.Equal("PARQUET", response.FormatParams!["formatType"]);
                Assert.Equal(Ms(T1), response.CreateTime);
                Assert.Equal(IngestionStatus.Failed, response.Status);
                Assert.Equal("bad file", response.ErrorInfo!.ErrorMessage);
                Assert.Equal(ErrorCategory.UserRecoverable, response.ErrorInfo.ErrorCategory);
                Assert.Equal(Ms(T2), response.ActiveUntilTimestamp);
                Assert.Equal(Ms(T0), response.ActiveFromTimestamp);
                Assert.Equal("cs-0", response.UpdatesChangesetId);
                Assert.Equal("cs-2", response.UpdatedByChangesetId);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetDataView",
            Call = async (c, ct) => await c.GetDataViewAsync(new GetDataViewRequest { DatasetId = "ds-1", DataViewId = "dv-1" }, ct),
            Method = "GET",
            Path = "/datasets/ds-1/dataviewsv2/dv-1",
            Response = ScriptedResponse.Json("""
                {"autoUpdate":false,"partitionColumns":["region"],"datasetId":"ds-1","asOfTimestamp":1700000000123,
                 "errorInfo":{"errorMessage":"m","errorCategory":"VALIDATION"},"lastModifiedTime":1700000456789,"createTime":1690000000000,
                 "sortColumns":["trade_date"],"dataViewId":"dv-1","dataViewArn":"arn:aws:finspace:us-west-2:123456789012:dataview/dv-1",
                 "destinationTypeParams":{"destinationType":"GLUE_TABLE"},"status":"FAILED_CLEANUP_FAILED"}
                """),
            AssertResult = r =>
            {
                var response = (GetDataViewResponse)r;
                Assert.False(response.AutoUpdate);
                Assert.Equal(new[] { "region" }, response.PartitionColumns);
                Assert.Equal("ds-1", response.DatasetId);
                Assert.Equal(Ms(T1), response.AsOfTimestamp);
                Assert.Equal(ErrorCategory.Validation, response.ErrorInfo!.ErrorCategory);
                Assert.Equal(Ms(T2), response.LastModifiedTime);
                Assert.Equal(Ms(T0), response.CreateTime);
                Assert.Equal(new[] { "trade_date" }, response.SortColumns);
                Assert.Equal("dv-1", response.DataViewId);
                Assert.Equal("arn:aws:finspace:us-west-2:123456789012:dataview/dv-1", response.DataViewArn);
                Assert.Equal("GLUE_TABLE", response.DestinationTypeParams!.DestinationType);
                Assert.Equal(DataViewStatus.FailedCleanupFailed, response.Status);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetDataset",
            Call = async (c, ct) => await c.GetDatasetAsync(new GetDatasetRequest { DatasetId = "ds-1" }, ct),
            Method = "GET",
            Path = "/datasetsv2/ds-1",
            Response = ScriptedResponse.Json("""
                {"datasetId":"ds-1","datasetArn":"arn:aws:finspace:us-west-2:123456789012:dataset/ds-1","datasetTitle":"Trades","kind":"NON_TABULAR",
                 "datasetDescription":"d","createTime":1700000000123,"lastModifiedTime":1700000456789,
                 "schemaDefinition":{"tabularSchemaConfig":{"columns":[{"dataType":"BIGINT","columnName":"qty","columnDescription":"Quantity"}],"primaryKeyColumns":["qty"]}},
                 "alias":"alias/trades","status":"RUNNING"}
                """),
            AssertResult = r =>
            {
                var response = (GetDatasetResponse)r;
                Assert.Equal("ds-1", response.DatasetId);
                Assert.Equal("arn:aws:finspace:us-west-2:123456789012:dataset/ds-1", response.DatasetArn);
                Assert.Equal("Trades", response.DatasetTitle);
                Assert.Equal(DatasetKind.NonTabular, response.Kind);
                Assert.Equal("d", response.DatasetDescription);
                Assert.Equal(Ms(T1), response.CreateTime);
                Assert.Equal(Ms(T2), response.LastModifiedTime);
                var column = Assert.Single(response.SchemaDefinition!.TabularSchemaConfig!.Columns!);
                Assert.Equal(ColumnDataType.Bigint, column.DataType);
                Assert.Equal("qty", column.ColumnName);
                Assert.Equal("Quantity", column.ColumnDescription);
                Assert.Equal(new[] { "qty" }, response.SchemaDefinition.TabularSchemaConfig.PrimaryKeyColumns);
                Assert.Equal("alias/trades", response.Alias);
                Assert.Equal(DatasetStatus.Running, response.Status);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetExternalDataViewAccessDetails",
            Call = async (c, ct) => await c.GetExternalDataViewAccessDetailsAsync(new GetExternalDataViewAccessDetailsRequest { DatasetId = "ds-1", DataViewId = "dv-1" }, ct),
            Method = "POST",
            Path = "/datasets/ds-1/dataviewsv2/dv-1/external-access-details",
            // A POST whose input has no body members: botocore sends no body at all.
            Body = null,
            Response = ScriptedResponse.Json("""
                {"credentials":{"accessKeyId":"ASIAEXAMPLE","secretAccessKey":"s3cr3t","sessionToken":"tok","expiration":1700000456789},
                 "s3Location":{"bucket":"finspace-bucket","key":"views/dv-1/"}}
                """),
            AssertResult = r =>
            {
                var response = (GetExternalDataViewAccessDetailsResponse)r;
                Assert.Equal("ASIAEXAMPLE", response.Credentials!.AccessKeyId);
                Assert.Equal("s3cr3t", response.Credentials.SecretAccessKey);
                Assert.Equal("tok", response.Credentials.SessionToken);
                Assert.Equal(Ms(T2), response.Credentials.Expiration);
                Assert.Equal("finspace-bucket", response.S3Location!.Bucket);
                Assert.Equal("views/dv-1/", response.S3Location.Key);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetPermissionGroup",
            Call = async (c, ct) => await c.GetPermissionGroupAsync(new GetPermissionGroupRequest { PermissionGroupId = "pg-1" }, ct),
            Method = "GET",
            Path = "/permission-group/pg-1",
            Response = ScriptedResponse.Json("""
                {"permissionGroup":{"permissionGroupId":"pg-1","name":"Analysts","description":"d","applicationPermissions":["ViewAuditData","GetTemporaryCredentials"],
                 "createTime":1700000000123,"lastModifiedTime":1700000456789,"membershipStatus":"ADDITION_SUCCESS"}}
                """),
            AssertResult = r =>
            {
                var group = ((GetPermissionGroupResponse)r).PermissionGroup!;
                Assert.Equal("pg-1", group.PermissionGroupId);
                Assert.Equal("Analysts", group.Name);
                Assert.Equal("d", group.Description);
                Assert.Equal(new[] { ApplicationPermission.ViewAuditData, ApplicationPermission.GetTemporaryCredentials }, group.ApplicationPermissions);
                Assert.Equal(Ms(T1), group.CreateTime);
                Assert.Equal(Ms(T2), group.LastModifiedTime);
                Assert.Equal(PermissionGroupMembershipStatus.AdditionSuccess, group.MembershipStatus);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetProgrammaticAccessCredentials",
            Call = async (c, ct) => await c.GetProgrammaticAccessCredentialsAsync(new GetProgrammaticAccessCredentialsRequest { EnvironmentId = "env-1", DurationInMinutes = 30 }, ct),
            Method = "GET",
            Path = "/credentials/programmatic",
            Query = new[] { "durationInMinutes=30", "environmentId=env-1" },
            Response = ScriptedResponse.Json("""{"credentials":{"accessKeyId":"AKIAEXAMPLE","secretAccessKey":"sk","sessionToken":"st"},"durationInMinutes":30}"""),
            AssertResult = r =>
            {
                var response = (GetProgrammaticAccessCredentialsResponse)r;
                Assert.Equal("AKIAEXAMPLE", response.Credentials!.AccessKeyId);
                Assert.Equal("sk", response.Credentials.SecretAccessKey);
                Assert.Equal("st", response.Credentials.SessionToken);
                Assert.Equal(30L, response.DurationInMinutes);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetUser",
            Call = async (c, ct) => await c.GetUserAsync(new GetUserRequest { UserId = "u-1" }, ct),
            Method = "GET",
            Path = "/user/u-1",
            Response = ScriptedResponse.Json("""
                {"userId":"u-1","status":"ENABLED","firstName":"Ana","lastName":"Lyst","emailAddress":"ana@example.com","type":"SUPER_USER",
                 "apiAccess":"DISABLED","apiAccessPrincipalArn":"arn:aws:iam::123456789012:role/R",
                 "createTime":1690000000000,"lastEnabledTime":1700000000123,"lastDisabledTime":1700000456789,"lastModifiedTime":1700000000124,"lastLoginTime":1700000000125}
                """),
            AssertResult = r =>
            {
                var response = (GetUserResponse)r;
                Assert.Equal("u-1", response.UserId);
                Assert.Equal(UserStatus.Enabled, response.Status);
                Assert.Equal("Ana", response.FirstName);
                Assert.Equal("Lyst", response.LastName);
                Assert.Equal("ana@example.com", response.EmailAddress);
                Assert.Equal(UserType.SuperUser, response.Type);
                Assert.Equal(ApiAccess.Disabled, response.ApiAccess);
                Assert.Equal("arn:aws:iam::123456789012:role/R", response.ApiAccessPrincipalArn);
                Assert.Equal(Ms(T0), response.CreateTime);
                Assert.Equal(Ms(T1), response.LastEnabledTime);
                Assert.Equal(Ms(T2), response.LastDisabledTime);
                Assert.Equal(Ms(T1 + 1), response.LastModifiedTime);
                Assert.Equal(Ms(T1 + 2), response.LastLoginTime);
            },
        };

        yield return new OperationCase
        {
            Operation = "GetWorkingLocation",
            Call = async (c, ct) => await c.GetWorkingLocationAsync(new GetWorkingLocationRequest { LocationType = LocationType.Sagemaker }, ct),
            Method = "POST",
            Path = "/workingLocationV1",
            Body = """{"locationType":"SAGEMAKER"}""",
            Response = ScriptedResponse.Json("""{"s3Uri":"s3://finspace-bucket/work/","s3Path":"finspace-bucket/work/","s3Bucket":"finspace-bucket"}"""),
            AssertResult = r =>
            {
                var response = (GetWorkingLocationResponse)r;
                Assert.Equal("s3://finspace-bucket/work/", response.S3Uri);
                Assert.Equal("finspace-bucket/work/", response.S3Path);
                Assert.Equal("finspace-bucket", response.S3Bucket);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListChangesets",
            Call = async (c, ct) => await c.ListChangesetsAsync(new ListChangesetsRequest { DatasetId = "ds-1", MaxResults = 5, NextToken = "t/1==" }, ct),
            Method = "GET",
            Path = "/datasets/ds-1/changesetsv2",
            Query = new[] { "maxResults=5", "nextToken=t%2F1%3D%3D" },
            Response = ScriptedResponse.Json("""
                {"changesets":[{"changesetId":"cs-1","datasetId":"ds-1","changeType":"MODIFY","createTime":1700000000123,"status":"STOP_REQUESTED",
                  "errorInfo":{"errorCategory":"THROTTLING"},"activeFromTimestamp":1700000456789}],"nextToken":"t2"}
                """),
            AssertResult = r =>
            {
                var response = (ListChangesetsResponse)r;
                var changeset = Assert.Single(response.Changesets!);
                Assert.Equal("cs-1", changeset.ChangesetId);
                Assert.Equal(ChangeType.Modify, changeset.ChangeType);
                Assert.Equal(Ms(T1), changeset.CreateTime);
                Assert.Equal(IngestionStatus.StopRequested, changeset.Status);
                Assert.Equal(ErrorCategory.Throttling, changeset.ErrorInfo!.ErrorCategory);
                Assert.Equal(Ms(T2), changeset.ActiveFromTimestamp);
                Assert.Equal("t2", response.NextToken);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListDataViews",
            // maxResults is optional here, so nothing is added to the query.
            Call = async (c, ct) => await c.ListDataViewsAsync(new ListDataViewsRequest { DatasetId = "ds-1" }, ct),
            Method = "GET",
            Path = "/datasets/ds-1/dataviewsv2",
            Response = ScriptedResponse.Json("""
                {"dataViews":[{"dataViewId":"dv-1","datasetId":"ds-1","status":"STARTING","autoUpdate":true,
                  "destinationTypeProperties":{"destinationType":"S3","s3DestinationExportFileFormat":"PARQUET"},"createTime":1700000000123}]}
                """),
            AssertResult = r =>
            {
                var response = (ListDataViewsResponse)r;
                var view = Assert.Single(response.DataViews!);
                Assert.Equal("dv-1", view.DataViewId);
                Assert.Equal(DataViewStatus.Starting, view.Status);
                Assert.True(view.AutoUpdate);
                Assert.Equal(ExportFileFormat.Parquet, view.DestinationTypeProperties!.S3DestinationExportFileFormat);
                Assert.Equal(Ms(T1), view.CreateTime);
                Assert.Null(response.NextToken);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListDatasets",
            Call = async (c, ct) => await c.ListDatasetsAsync(new ListDatasetsRequest { MaxResults = 2 }, ct),
            Method = "GET",
            Path = "/datasetsv2",
            Query = new[] { "maxResults=2" },
            Response = ScriptedResponse.Json("""
                {"datasets":[{"datasetId":"ds-1","datasetTitle":"Trades","kind":"TABULAR","ownerInfo":{"name":"Ops","email":"ops@example.com"},
                  "createTime":1700000000123,"alias":"alias/trades"}],"nextToken":"n2"}
                """),
            AssertResult = r =>
            {
                var response = (ListDatasetsResponse)r;
                var dataset = Assert.Single(response.Datasets!);
                Assert.Equal("ds-1", dataset.DatasetId);
                Assert.Equal(DatasetKind.Tabular, dataset.Kind);
                Assert.Equal("ops@example.com", dataset.OwnerInfo!.Email);
                Assert.Equal(Ms(T1), dataset.CreateTime);
                Assert.Equal("n2", response.NextToken);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListPermissionGroups",
            // maxResults is required by the model and not given: the client sends its default page size.
            Call = async (c, ct) => await c.ListPermissionGroupsAsync(new ListPermissionGroupsRequest(), ct),
            Method = "GET",
            Path = "/permission-group",
            Query = new[] { "maxResults=100" },
            Response = ScriptedResponse.Json("""{"permissionGroups":[{"permissionGroupId":"pg-1","name":"A","membershipStatus":"REMOVAL_IN_PROGRESS"}]}"""),
            AssertResult = r =>
            {
                var group = Assert.Single(((ListPermissionGroupsResponse)r).PermissionGroups!);
                Assert.Equal("pg-1", group.PermissionGroupId);
                Assert.Equal(PermissionGroupMembershipStatus.RemovalInProgress, group.MembershipStatus);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListPermissionGroupsByUser",
            Call = async (c, ct) => await c.ListPermissionGroupsByUserAsync(new ListPermissionGroupsByUserRequest { UserId = "u-1", MaxResults = 10 }, ct),
            Method = "GET",
            Path = "/user/u-1/permission-groups",
            Query = new[] { "maxResults=10" },
            Response = ScriptedResponse.Json("""{"permissionGroups":[{"permissionGroupId":"pg-1","name":"A","membershipStatus":"ADDITION_IN_PROGRESS"}],"nextToken":"x"}"""),
            AssertResult = r =>
            {
                var response = (ListPermissionGroupsByUserResponse)r;
                var group = Assert.Single(response.PermissionGroups!);
                Assert.Equal("A", group.Name);
                Assert.Equal(PermissionGroupMembershipStatus.AdditionInProgress, group.MembershipStatus);
                Assert.Equal("x", response.NextToken);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListUsers",
            Call = async (c, ct) => await c.ListUsersAsync(new ListUsersRequest { NextToken = "a b+c" }, ct),
            Method = "GET",
            Path = "/user",
            Query = new[] { "maxResults=100", "nextToken=a%20b%2Bc" },
            Response = ScriptedResponse.Json("""{"users":[{"userId":"u-1","status":"CREATING","type":"APP_USER","lastLoginTime":1700000000123}]}"""),
            AssertResult = r =>
            {
                var user = Assert.Single(((ListUsersResponse)r).Users!);
                Assert.Equal("u-1", user.UserId);
                Assert.Equal(UserStatus.Creating, user.Status);
                Assert.Equal(UserType.AppUser, user.Type);
                Assert.Equal(Ms(T1), user.LastLoginTime);
            },
        };

        yield return new OperationCase
        {
            Operation = "ListUsersByPermissionGroup",
            Call = async (c, ct) => await c.ListUsersByPermissionGroupAsync(new ListUsersByPermissionGroupRequest { PermissionGroupId = "pg-1" }, ct),
            Method = "GET",
            Path = "/permission-group/pg-1/users",
            Query = new[] { "maxResults=100" },
            Response = ScriptedResponse.Json("""{"users":[{"userId":"u-1","emailAddress":"x@example.com","membershipStatus":"ADDITION_SUCCESS","apiAccess":"ENABLED"}]}"""),
            AssertResult = r =>
            {
                var user = Assert.Single(((ListUsersByPermissionGroupResponse)r).Users!);
                Assert.Equal("x@example.com", user.EmailAddress);
                Assert.Equal(PermissionGroupMembershipStatus.AdditionSuccess, user.MembershipStatus);
                Assert.Equal(ApiAccess.Enabled, user.ApiAccess);
            },
        };

        yield return new OperationCase
        {
            Operation = "ResetUserPassword",
            Call = async (c, ct) => await c.ResetUserPasswordAsync(new ResetUserPasswordRequest { UserId = "u-1", ClientToken = "tok-reset" }, ct),
            Method = "POST",
            Path = "/user/u-1/password",
            Body = """{"clientToken":"tok-reset"}""",
            Response = ScriptedResponse.Json("""{"userId":"u-1","temporaryPassword":"Tmp#12345"}"""),
            AssertResult = r =>
            {
                var response = (ResetUserPasswordResponse)r;
                Assert.Equal("u-1", response.UserId);
                Assert.Equal("Tmp#12345", response.TemporaryPassword);
            },
        };

        yield return new OperationCase
        {
            Operation = "UpdateChangeset",
            Call = async (c, ct) => await c.UpdateChangesetAsync(new UpdateChangesetRequest
            {
                ClientToken = "tok-uc",
                DatasetId = "ds-1",
                ChangesetId = "cs-1",
                SourceParams = new Dictionary<string, string> { ["s3SourcePath"] = "s3://b/new" },
                FormatParams = new Dictionary<string, string> { ["formatType"] = "JSON" },
            }, ct),
            Method = "PUT",
            Path = "/datasets/ds-1/changesetsv2/cs-1",
            Body = """{"clientToken":"tok-uc","sourceParams":{"s3SourcePath":"s3://b/new"},"formatParams":{"formatType":"JSON"}}""",
            Response = ScriptedResponse.Json("""{"changesetId":"cs-1","datasetId":"ds-1"}"""),
            AssertResult = r =>
            {
                var response = (UpdateChangesetResponse)r;
                Assert.Equal("cs-1", response.ChangesetId);
                Assert.Equal("ds-1", response.DatasetId);
            },
        };

        yield return new OperationCase
        {
            Operation = "UpdateDataset",
            Call = async (c, ct) => await c.UpdateDatasetAsync(new UpdateDatasetRequest
            {
                ClientToken = "tok-ud",
                DatasetId = "ds-1",
                DatasetTitle = "Trades v2",
                Kind = DatasetKind.NonTabular,
                DatasetDescription = "",
                Alias = "alias/t2",
            }, ct),
            Method = "PUT",
            Path = "/datasetsv2/ds-1",
            Body = """{"clientToken":"tok-ud","datasetTitle":"Trades v2","kind":"NON_TABULAR","datasetDescription":"","alias":"alias/t2"}""",
            Response = ScriptedResponse.Json("""{"datasetId":"ds-1"}"""),
            AssertResult = r => Assert.Equal("ds-1", ((UpdateDatasetResponse)r).DatasetId),
        };

        yield return new OperationCase
        {
            Operation = "UpdatePermissionGroup",
            Call = async (c, ct) => await c.UpdatePermissionGroupAsync(new UpdatePermissionGroupRequest
            {
                PermissionGroupId = "pg-1",
                Name = "Renamed",
                ApplicationPermissions = new List<ApplicationPermission> { ApplicationPermission.ManageClusters },
                ClientToken = "tok-upg",
            }, ct),
            Method = "PUT",
            Path = "/permission-group/pg-1",
            Body = """{"name":"Renamed","applicationPermissions":["ManageClusters"],"clientToken":"tok-upg"}""",
            Response = ScriptedResponse.Json("""{"permissionGroupId":"pg-1"}"""),
            AssertResult = r => Assert.Equal("pg-1", ((UpdatePermissionGroupResponse)r).PermissionGroupId),
        };

        yield return new OperationCase
        {
            Operation = "UpdateUser",
            Call = async (c, ct) => await c.UpdateUserAsync(new UpdateUserRequest { UserId = "u-1", Type = UserType.SuperUser, FirstName = "Ana", ClientToken = "tok-uu" }, ct),
            Method = "PUT",
            Path = "/user/u-1",
            Body = """{"type":"SUPER_USER","firstName":"Ana","clientToken":"tok-uu"}""",
            Response = ScriptedResponse.Json("""{"userId":"u-1"}"""),
            AssertResult = r => Assert.Equal("u-1", ((UpdateUserResponse)r).UserId),
        };
    }
}
