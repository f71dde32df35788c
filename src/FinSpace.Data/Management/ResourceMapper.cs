using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using Wire = FinSpace.Data.Model;

namespace FinSpace.Management
{
    /// <summary>Turns wire shapes into the types an administrator works with.</summary>
    internal static class ResourceMapper
    {
        // Local time, as PowerShell shows file and process times; the offset is kept by DateTime.Kind.
        public static DateTime? Time(DateTimeOffset? value) => value?.LocalDateTime;

        public static StringMap Map(Dictionary<string, string>? values) =>
            values is null ? new StringMap() : new StringMap(values);

        public static StringList List(IEnumerable<string>? values) =>
            values is null ? new StringList() : new StringList(values);

        public static StringList List<T>(IEnumerable<T>? values)
            where T : ModelEnum =>
            values is null ? new StringList() : new StringList(values.Select(v => v.Value));

        public static Dataset ToDataset(Wire.Dataset wire) => new Dataset
        {
            DatasetId = wire.DatasetId ?? string.Empty,
            DatasetArn = wire.DatasetArn,
            Title = wire.DatasetTitle,
            Kind = wire.Kind?.Value,
            Description = wire.DatasetDescription,
            Alias = wire.Alias,
            Owner = ToOwner(wire.OwnerInfo),
            Schema = ToSchema(wire.SchemaDefinition),
            CreateTime = Time(wire.CreateTime),
            LastModifiedTime = Time(wire.LastModifiedTime),
        };

        public static Dataset ToDataset(GetDatasetResponse wire)
        {
            var dataset = ToDataset(ShapeConverter.Convert<Wire.Dataset>(ServiceModel.GetDatasetResponseShape, ServiceModel.DatasetShape, wire));
            dataset.Status = wire.Status?.Value;
            return dataset;
        }

        public static DatasetOwner? ToOwner(DatasetOwnerInfo? wire) =>
            wire is null ? null : new DatasetOwner { Name = wire.Name, Email = wire.Email, PhoneNumber = wire.PhoneNumber };

        public static DatasetSchema? ToSchema(SchemaUnion? wire)
        {
            var definition = wire?.TabularSchemaConfig;
            if (definition is null)
            {
                return null;
            }

            return new DatasetSchema
            {
                Columns = (definition.Columns ?? new List<ColumnDefinition>())
                    .Select(c => new DatasetColumn(c.ColumnName ?? string.Empty, c.DataType?.Value ?? string.Empty, c.ColumnDescription))
                    .ToList(),
                PrimaryKeyColumns = List(definition.PrimaryKeyColumns),
            };
        }

        public static SchemaUnion? ToWire(DatasetSchema? schema)
        {
            if (schema is null)
            {
                return null;
            }

            return new SchemaUnion
            {
                TabularSchemaConfig = new SchemaDefinition
                {
                    Columns = schema.Columns.Select(c => new ColumnDefinition
                    {
                        ColumnName = c.Name,
                        DataType = ColumnDataType.FindValue(c.DataType),
                        ColumnDescription = c.Description,
                    }).ToList(),
                    PrimaryKeyColumns = schema.PrimaryKeyColumns.Count == 0 ? null : schema.PrimaryKeyColumns.ToList(),
                },
            };
        }

        public static Changeset ToChangeset(ChangesetSummary wire) => new Changeset
        {
            ChangesetId = wire.ChangesetId ?? string.Empty,
            DatasetId = wire.DatasetId ?? string.Empty,
            ChangesetArn = wire.ChangesetArn,
            ChangeType = wire.ChangeType?.Value,
            Status = wire.Status?.Value,
            SourceParams = Map(wire.SourceParams),
            FormatParams = Map(wire.FormatParams),
            CreateTime = Time(wire.CreateTime),
            ActiveFromTime = Time(wire.ActiveFromTimestamp),
            ActiveUntilTime = Time(wire.ActiveUntilTimestamp),
            UpdatesChangesetId = wire.UpdatesChangesetId,
            UpdatedByChangesetId = wire.UpdatedByChangesetId,
            ErrorCategory = wire.ErrorInfo?.ErrorCategory?.Value,
            ErrorMessage = wire.ErrorInfo?.ErrorMessage,
        };

        public static Changeset ToChangeset(GetChangesetResponse wire) =>
            ToChangeset(ShapeConverter.Convert<ChangesetSummary>(ServiceModel.GetChangesetResponseShape, ServiceModel.ChangesetSummaryShape, wire));

        public static DataView ToDataView(GetDataViewResponse wire)
        {
            // The Get response names the destination member destinationTypeParams, the list item destinationTypeProperties.
            var summary = ShapeConverter.Convert<DataViewSummary>(ServiceModel.GetDataViewResponseShape, ServiceModel.DataViewSummaryShape, wire);
            summary.DestinationTypeProperties = wire.DestinationTypeParams;
            return ToDataView(summary);
        }

        public static DataView ToDataView(DataViewSummary wire) => new DataView
        {
            DataViewId = wire.DataViewId ?? string.Empty,
            DatasetId = wire.DatasetId ?? string.Empty,
            DataViewArn = wire.DataViewArn,
            Status = wire.Status?.Value,
            AutoUpdate = wire.AutoUpdate,
            AsOfTime = Time(wire.AsOfTimestamp),
            DestinationType = wire.DestinationTypeProperties?.DestinationType,
            ExportFileFormat = wire.DestinationTypeProperties?.S3DestinationExportFileFormat?.Value,
            ExportFileFormatOptions = Map(wire.DestinationTypeProperties?.S3DestinationExportFileFormatOptions),
            PartitionColumns = List(wire.PartitionColumns),
            SortColumns = List(wire.SortColumns),
            CreateTime = Time(wire.CreateTime),
            LastModifiedTime = Time(wire.LastModifiedTime),
            ErrorCategory = wire.ErrorInfo?.ErrorCategory?.Value,
            ErrorMessage = wire.ErrorInfo?.ErrorMessage,
        };

        public static PermissionGroup ToPermissionGroup(Wire.PermissionGroup wire) => new PermissionGroup
        {
            PermissionGroupId = wire.PermissionGroupId ?? string.Empty,
            Name = wire.Name,
            Description = wire.Description,
            ApplicationPermissions = List(wire.ApplicationPermissions),
            CreateTime = Time(wire.CreateTime),
            LastModifiedTime = Time(wire.LastModifiedTime),
        };

        /// <summary>All that ListPermissionGroupsByUser returns, with the user it was asked for.</summary>
        public static UserPermissionGroup ToUserPermissionGroup(string userId, PermissionGroupByUser wire) => new UserPermissionGroup
        {
            UserId = userId,
            PermissionGroupId = wire.PermissionGroupId ?? string.Empty,
            Name = wire.Name,
            MembershipStatus = wire.MembershipStatus?.Value,
        };

        public static User ToUser(Wire.User wire) => new User
        {
            UserId = wire.UserId ?? string.Empty,
            EmailAddress = wire.EmailAddress,
            FirstName = wire.FirstName,
            LastName = wire.LastName,
            Status = wire.Status?.Value,
            Type = wire.Type?.Value,
            ApiAccess = wire.ApiAccess?.Value,
            ApiAccessPrincipalArn = wire.ApiAccessPrincipalArn,
            CreateTime = Time(wire.CreateTime),
            LastEnabledTime = Time(wire.LastEnabledTime),
            LastDisabledTime = Time(wire.LastDisabledTime),
            LastModifiedTime = Time(wire.LastModifiedTime),
            LastLoginTime = Time(wire.LastLoginTime),
        };

        public static User ToUser(GetUserResponse wire) =>
            ToUser(ShapeConverter.Convert<Wire.User>(ServiceModel.GetUserResponseShape, ServiceModel.UserShape, wire));

        public static User ToUser(UserByPermissionGroup wire)
        {
            var user = ToUser(ShapeConverter.Convert<Wire.User>(ServiceModel.UserByPermissionGroupShape, ServiceModel.UserShape, wire));
            user.MembershipStatus = wire.MembershipStatus?.Value;
            return user;
        }
    }
}
