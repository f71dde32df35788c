using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes DataViewId values from the service.</summary>
    public sealed class DataViewIdCompleter : IdCompleter
    {
        public DataViewIdCompleter()
            : base(IdKind.DataView)
        {
        }
    }
}
