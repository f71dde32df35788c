using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace FinSpace.LoadContext
{
    /// <summary>
    /// Holds the engine (FinSpace.Data) and every assembly it brings (AWSSDK.*) apart from PowerShell's
    /// default context, so another module's AWSSDK.Core — 3.7.x from AWS.Tools 4, or another 4.x build
    /// from AWS.Tools 5, loaded before or after us — is never used by us and never blocked by us.
    /// </summary>
    /// <remarks>
    /// It answers only for files in its own folder; everything else (the framework, and the output
    /// types in FinSpace.Objects that PowerShell must see) falls through to the default context.
    /// </remarks>
    public sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;

        private EngineLoadContext(string directory)
            : base("FinSpace.Engine", isCollectible: false)
        {
            _directory = directory;
        }

        /// <summary>
        /// Creates the context over <paramref name="directory"/> and returns the loader the cmdlet
        /// assembly calls (by reflection, as it cannot name this type) for the engine assembly.
        /// </summary>
        public static Func<string, Assembly> Create(string directory)
        {
            var context = new EngineLoadContext(directory);
            return simpleName => context.LoadFromAssemblyName(new AssemblyName(simpleName));
        }

        /// <summary>Only files in this context's folder; null lets the default context answer.</summary>
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
