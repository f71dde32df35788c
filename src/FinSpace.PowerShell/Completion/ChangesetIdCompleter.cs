using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes ChangesetId values from the service.</summary>
    public sealed class ChangesetIdCompleter : IdCompleter
    {
        protected override IdKind Kind => IdKind.Changeset;
    }
}
