namespace FinSpace.Emulator;

/// <summary>How many resources the emulator holds.</summary>
public sealed record StateSummary(int Datasets, int Changesets, int DataViews, int PermissionGroups, int Users, int Memberships);
