namespace FinSpace.Management
{
    /// <summary>The kinds of id a completer can offer.</summary>
    public enum IdKind
    {
        Dataset,
        Changeset,
        DataView,
        PermissionGroup,
        User,
    }
}
