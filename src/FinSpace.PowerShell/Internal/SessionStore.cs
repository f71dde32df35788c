using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using FinSpace.Management;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// The session default set by Connect-FSEnvironment, one per runspace, so parallel runspaces and
    /// hosted pipelines never see each other's connection.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, StrongBox<SessionDefaults?>> Defaults =
            new ConditionalWeakTable<Runspace, StrongBox<SessionDefaults?>>();

        // Every path to the engine (cmdlets, completers, Connect-FSEnvironment) reads or sets the session default first.
        static SessionStore() => ModuleCleanup.EngineUsed();

        public static SessionDefaults? Current =>
            Runspace.DefaultRunspace is { } runspace && Defaults.TryGetValue(runspace, out var box) ? box.Value : null;

        public static void Set(SessionDefaults? defaults)
        {
            if (Runspace.DefaultRunspace is { } runspace)
            {
                Defaults.GetOrCreateValue(runspace).Value = defaults;
            }
        }
    }
}
