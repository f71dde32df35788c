namespace FinSpace.PowerShell
{
    // Placeholder until the cmdlets land.
    internal static class ModulePlaceholder
    {
    }
}
