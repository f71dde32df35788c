using System;

namespace FinSpace.Emulator;

/// <summary>What a seed call added and how long it took.</summary>
public sealed record SeedResult(int Datasets, int Users, int PermissionGroups, int Memberships, int Changesets, TimeSpan Elapsed);
