using System.Runtime.CompilerServices;
using System.Threading;
using FinSpace.Management;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// What Remove-Module FinSpace ends. The module's assemblies stay loaded after a removal (.NET
    /// cannot unload them), and so does their static state: without this, a session default set by
    /// Connect-FSEnvironment survived Remove-Module and came back with the next Import-Module.
    /// </summary>
    internal static class ModuleCleanup
    {
        private static int _imports;
        private static volatile bool _engineUsed;

        /// <summary>Counted at every import into a session (runspace).</summary>
        public static void Imported() => Interlocked.Increment(ref _imports);

        /// <summary>Set when the engine is first reached: until then there is nothing to clean up, and no reason to load it.</summary>
        public static void EngineUsed() => _engineUsed = true;

        /// <summary>
        /// Ends this session's default (its clients disposed, with the client renewing programmatic
        /// credentials) and, once no session has the module any more, disposes every cached client.
        /// </summary>
        public static void Removed()
        {
            var remaining = Interlocked.Decrement(ref _imports);
            if (remaining < 0)
            {
                Interlocked.Exchange(ref _imports, 0);
                remaining = 0;
            }

            if (_engineUsed)
            {
                EndSession(lastSession: remaining == 0);
            }
        }

        // Its own method, never inlined: compiling it loads the engine, which only happens when used.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void EndSession(bool lastSession)
        {
            SessionConnector.End(SessionStore.Current, ClientCache.Shared);
            SessionStore.Set(null);
            if (lastSession)
            {
                ClientCache.Shared.Clear();
            }
        }
    }
}
