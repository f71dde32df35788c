using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using FinSpace.Emulator.Handlers;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.State;

/// <summary>
/// Adds synthetic resources in one batch and one store transaction. Seeded resources are already
/// settled (SUCCESS / ENABLED), so a benchmark measures listing, not waiting.
/// </summary>
internal static class Seeder
{
    public static SeedResult Seed(SeedRequest request, OperationContext context)
    {
        if (request.Datasets < 0 || request.Users < 0 || request.PermissionGroups < 0 || request.MembershipsPerUser < 0 || request.ChangesetsPerDataset < 0)
        {
            throw new ArgumentException("Seed counts must not be negative.");
        }

        if (request.MembershipsPerUser > request.PermissionGroups)
        {
            throw new ArgumentException("MembershipsPerUser cannot exceed the number of seeded permission groups.");
        }

        var started = Stopwatch.GetTimestamp();
        var state = context.State;
        var now = context.Now;
        int changesets = 0;
        try
        {
            for (int i = 0; i < request.Datasets; i++)
            {
                var id = IdGenerator.NewId();
                state.Datasets.Save(new DatasetRecord
                {
                    Id = id,
                    Arn = context.Arns.Dataset(id),
                    Title = "Seeded dataset " + (i + 1).ToString(CultureInfo.InvariantCulture),
                    Kind = "TABULAR",
                    Description = "Synthetic dataset added by the emulator's seed call.",
                    CreateTime = now,
                    LastModifiedTime = now,
                    RunningAt = now,
                    CompletedAt = now,
                });
                for (int c = 0; c < request.ChangesetsPerDataset; c++)
                {
                    var changesetId = IdGenerator.NewId();
                    state.AddChangeset(new ChangesetRecord
                    {
                        Id = changesetId,
                        DatasetId = id,
                        Arn = context.Arns.Changeset(id, changesetId),
                        ChangeType = c == 0 ? "REPLACE" : "APPEND",
                        SourceParams = new Dictionary<string, string> { ["s3SourcePath"] = $"s3://{context.Options.WorkingLocation.Bucket}/seed/{id}/{c}.csv" },
                        FormatParams = new Dictionary<string, string> { ["formatType"] = "CSV", ["withHeader"] = "true" },
                        CreateTime = now,
                        RunningAt = now,
                        CompletedAt = now,
                    });
                    changesets++;
                }
            }

            var groups = new List<string>(request.PermissionGroups);
            for (int i = 0; i < request.PermissionGroups; i++)
            {
                var group = new PermissionGroupRecord
                {
                    Id = IdGenerator.NewId(),
                    Name = "seed-group-" + IdGenerator.NewId(),
                    Description = "Synthetic permission group added by the emulator's seed call.",
                    ApplicationPermissions = new List<string> { "ViewAuditData" },
                    CreateTime = now,
                    LastModifiedTime = now,
                };
                state.PermissionGroups.Save(group);
                state.GroupNameOwners[group.Name] = group.Id;
                groups.Add(group.Id);
            }

            int memberships = 0;
            for (int i = 0; i < request.Users; i++)
            {
                var id = IdGenerator.NewId();
                var user = new UserRecord
                {
                    Id = id,
                    EmailAddress = $"user-{id.ToLowerInvariant()}@seed.example.com",
                    Type = "APP_USER",
                    FirstName = "Seeded",
                    LastName = "User" + (i + 1).ToString(CultureInfo.InvariantCulture),
                    ApiAccess = "ENABLED",
                    CreateTime = now,
                    LastModifiedTime = now,
                    EnabledAt = now,
                };
                state.Users.Save(user);
                state.EmailOwners[user.EmailAddress] = id;
                for (int m = 0; m < request.MembershipsPerUser; m++)
                {
                    state.Memberships.Add(new MembershipRecord { PermissionGroupId = groups[(i + m) % groups.Count], UserId = id, CreateTime = now });
                    memberships++;
                }
            }

            state.Commit();
            return new SeedResult(request.Datasets, request.Users, request.PermissionGroups, memberships, changesets, Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            state.DiscardPending();
            throw;
        }
    }
}
