using FinSpace.Management;

namespace FinSpace.PowerShell.Completion
{
    /// <summary>Completes UserId values from the service.</summary>
    public sealed class UserIdCompleter : IdCompleter
    {
        protected override IdKind Kind => IdKind.User;
    }
}
