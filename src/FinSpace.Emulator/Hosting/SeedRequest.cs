namespace FinSpace.Emulator;

/// <summary>Synthetic resources to add in one batch (one transaction when persisting).</summary>
public sealed class SeedRequest
{
    public int Datasets { get; set; }
    public int Users { get; set; }
    public int PermissionGroups { get; set; }

    /// <summary>Permission groups each seeded user joins (round robin over the seeded groups).</summary>
    public int MembershipsPerUser { get; set; }

    /// <summary>Changesets added to each seeded dataset.</summary>
    public int ChangesetsPerDataset { get; set; }
}
