using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes PermissionGroupId values from the service.</summary>
    public sealed class PermissionGroupIdCompleter : IdCompleter
    {
        protected override IdKind Kind => IdKind.PermissionGroup;
    }
}
