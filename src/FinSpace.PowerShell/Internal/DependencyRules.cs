using System;
using System.Collections.Generic;
using System.IO;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// Which assembly requests the module's resolver answers, and with which file. Kept apart from
    /// PowerShell's types so xunit can check every rule without a host.
    /// </summary>
    /// <remarks>
    /// The layout (see Module.targets):
    ///   module root            FinSpace.PowerShell, FinSpace.Objects, FinSpace.LoadContext (default context)
    ///   dependencies/core      the engine and AWSSDK.* for .NET 8+, loaded in the private context
    ///   dependencies/desktop   the engine, AWSSDK.* and their polyfills for .NET Framework 4.7.2+
    /// On PowerShell 7 the resolver answers only for the engine itself: the private context then
    /// resolves everything the engine needs from its own folder. On Windows PowerShell 5.1, which has
    /// no load contexts, it answers for each file of dependencies/desktop, and only when the request
    /// comes from one of the module's own assemblies (or from nobody, as .NET Framework sometimes
    /// reports): another module asking for AWSSDK.Core never gets ours.
    /// </remarks>
    internal sealed class DependencyRules
    {
        public const string EngineName = "FinSpace.Data";
        public const string LoadContextName = "FinSpace.LoadContext";
        public const string ObjectsName = "FinSpace.Objects";

        private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;
        private readonly Dictionary<string, string> _dependencies;

        public DependencyRules(string moduleDirectory, bool isCoreClr, IEnumerable<string> dependencyFileNames)
        {
            ModuleDirectory = Path.GetFullPath(moduleDirectory);
            IsCoreClr = isCoreClr;
            DependencyDirectory = Path.Combine(ModuleDirectory, "dependencies", isCoreClr ? "core" : "desktop");
            // Simple name (any case) → the file's own name.
            _dependencies = new Dictionary<string, string>(Names);
            foreach (var file in dependencyFileNames)
            {
                if (string.Equals(Path.GetExtension(file), ".dll", StringComparison.OrdinalIgnoreCase))
                {
                    _dependencies[Path.GetFileNameWithoutExtension(file)] = Path.GetFileName(file);
                }
            }
        }

        public string ModuleDirectory { get; }
        public bool IsCoreClr { get; }
        public string DependencyDirectory { get; }

        /// <summary>The rules for the module installed at <paramref name="moduleDirectory"/> on this runtime.</summary>
        public static DependencyRules For(string moduleDirectory, bool isCoreClr)
        {
            var folder = Path.Combine(moduleDirectory, "dependencies", isCoreClr ? "core" : "desktop");
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.dll") : Array.Empty<string>();
            return new DependencyRules(moduleDirectory, isCoreClr, files);
        }

        /// <summary>
        /// The file that answers a request for <paramref name="requestedName"/> (a simple name) made by
        /// the assembly at <paramref name="requesterLocation"/> (null when the runtime does not say), or
        /// null when the request is not the module's to answer.
        /// </summary>
        public string? FileFor(string requestedName, string? requesterLocation)
        {
            if (requesterLocation is not null && !IsOurs(requesterLocation))
            {
                return null;
            }

            // The output types belong in the default context; they are found here only if PowerShell
            // has not loaded them already from RequiredAssemblies.
            if (Names.Equals(requestedName, ObjectsName))
            {
                return Path.Combine(ModuleDirectory, ObjectsName + ".dll");
            }

            if (IsCoreClr)
            {
                // Everything else the engine needs, its private context finds in its own folder.
                return requesterLocation is not null && Names.Equals(requestedName, EngineName) && _dependencies.TryGetValue(EngineName, out var engine)
                    ? Path.Combine(DependencyDirectory, engine)
                    : null;
            }

            return _dependencies.TryGetValue(requestedName, out var file) ? Path.Combine(DependencyDirectory, file) : null;
        }

        /// <summary>Whether a file is one of the module's own: at its root or in the runtime's dependency folder.</summary>
        public bool IsOurs(string location)
        {
            if (string.IsNullOrEmpty(location))
            {
                return false;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(location));
            return Names.Equals(directory, ModuleDirectory) || Names.Equals(directory, DependencyDirectory);
        }
    }
}
