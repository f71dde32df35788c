using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>
/// Import-Module lists a binary module's exported types (to find its cmdlets) before it calls
/// IModuleAssemblyInitializer.OnImport, so at that moment nothing from dependencies/ can load.
/// This reproduces that moment: the cmdlet assembly in a load context where System.Management.Automation
/// resolves and every assembly of dependencies/ is missing, and every exported type is loaded.
/// </summary>
public sealed class ImportProbeTests
{
    [Fact]
    public void EveryExportedTypeLoadsBeforeTheDependencyResolverIsRegistered()
    {
        var context = new BeforeOnImportContext();
        try
        {
            var module = context.LoadFromAssemblyPath(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.PowerShell.dll"));

            var sma = context.LoadFromAssemblyName(new AssemblyName("System.Management.Automation"));
            var cmdletAttribute = sma.GetType("System.Management.Automation.CmdletAttribute", throwOnError: true)!;
            var initializer = sma.GetType("System.Management.Automation.IModuleAssemblyInitializer", throwOnError: true)!;

            // What Import-Module does before OnImport: list the types, find the cmdlets by their
            // attribute and the initializer by its interface.
            var types = module.GetExportedTypes();
            var cmdlets = types.Where(t => t.GetCustomAttributes(cmdletAttribute, inherit: false).Length > 0).ToList();
            var initializers = types.Where(t => initializer.IsAssignableFrom(t)).ToList();
            foreach (var type in types)
            {
                System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }

            Assert.Equal(31, cmdlets.Count);
            Assert.Equal("ModuleInitializer", Assert.Single(initializers).Name);
            Assert.Empty(context.MissingDependencies);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Resolves PowerShell's own assembly; refuses what only the module's resolver could find.</summary>
    private sealed class BeforeOnImportContext() : AssemblyLoadContext("before-OnImport", isCollectible: true)
    {
        private static readonly HashSet<string> OnlyInDependencies = Directory
            .GetFiles(Path.Combine(TestPaths.ModuleDirectory, "dependencies"), "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.StartsWith("System.", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase)!;

        public List<string> MissingDependencies { get; } = new();

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == "System.Management.Automation")
            {
                return LoadFromAssemblyPath(Path.Combine(TestPaths.PowerShellStandardDirectory, "System.Management.Automation.dll"));
            }

            // RequiredAssemblies: PowerShell loads the output types before the cmdlet assembly.
            if (name.Name == "FinSpace.Objects")
            {
                return LoadFromAssemblyPath(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.Objects.dll"));
            }

            if (OnlyInDependencies.Contains(name.Name!))
            {
                MissingDependencies.Add(name.Name!);
                throw new FileNotFoundException($"{name.Name} is only in dependencies/, which nothing resolves yet.");
            }

            return null;
        }
    }
}
