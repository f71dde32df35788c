using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes DatasetId values from the service.</summary>
    public sealed class DatasetIdCompleter : IdCompleter
    {
        protected override IdKind Kind => IdKind.Dataset;
    }
}
