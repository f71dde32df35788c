using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes DataViewId values from the service.</summary>
    public sealed class DataViewIdCompleter : IdCompleter
    {
        protected override IdKind Kind => IdKind.DataView;
    }
}
