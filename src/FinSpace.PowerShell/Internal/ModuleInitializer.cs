using System;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// At import: refuse an unsupported host, and register the resolver that finds the engine and its
    /// dependencies. Nothing else runs and no dependency loads until a cmdlet first needs one.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Assembly Self = typeof(ModuleInitializer).Assembly;
        private static readonly bool IsCoreClr = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is not null;
        private static readonly DependencyRules Rules =
            DependencyRules.For(System.IO.Path.GetDirectoryName(Self.Location) ?? string.Empty, IsCoreClr);

        // The private context, created when the engine is first needed (PowerShell 7 only).
        private static readonly Lazy<Func<string, Assembly>> EngineLoader = new Lazy<Func<string, Assembly>>(CreateEngineLoader);

        public void OnImport()
        {
            if (RuntimeGate.Refusal(RuntimeInformation.FrameworkDescription, Environment.Version) is { } refusal)
            {
                throw new PlatformNotSupportedException(refusal);
            }

            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            ModuleCleanup.Imported();
        }

        /// <summary>Remove-Module (and Import-Module -Force) ends the session default before the resolver goes.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            try
            {
                ModuleCleanup.Removed();
            }
            finally
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name is null)
            {
                return null;
            }

            var file = Rules.FileFor(name, args.RequestingAssembly?.Location);
            if (file is null)
            {
                return null;
            }

            return IsCoreClr && name == DependencyRules.EngineName ? EngineLoader.Value(name) : Assembly.LoadFrom(file);
        }

        // FinSpace.LoadContext targets net8.0 (this assembly cannot subclass AssemblyLoadContext), so it
        // is reached by reflection, once.
        private static Func<string, Assembly> CreateEngineLoader()
        {
            var path = System.IO.Path.Combine(Rules.ModuleDirectory, DependencyRules.LoadContextName + ".dll");
            var type = Assembly.LoadFrom(path).GetType("FinSpace.LoadContext.EngineLoadContext", throwOnError: true)!;
            var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
            return (Func<string, Assembly>)create.Invoke(null, new object[] { Rules.DependencyDirectory })!;
        }
    }
}
