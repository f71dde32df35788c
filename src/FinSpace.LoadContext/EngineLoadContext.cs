using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
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
    /// A subfolder named for this runtime and platform (<c>net10.0-linux-x64</c>), when the build laid
    /// one out, holds ReadyToRun images of the same files and is searched first: the first call then
    /// runs precompiled code instead of JIT-compiling the SDK pipeline. Images for another runtime
    /// major version are ignored by the runtime and images for another platform are refused, so only
    /// the exact match is ever used; every other host loads the IL copies.
    /// </remarks>
    public sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;
        private readonly string _nativeDirectory;

        private EngineLoadContext(string directory)
            : base("FinSpace.Engine", isCollectible: false)
        {
            _directory = directory;
            _nativeDirectory = Path.Combine(directory, ReadyToRunFolderName());
        }

        /// <summary>The ReadyToRun subfolder for this process: the runtime's major version and the platform's RID.</summary>
        public static string ReadyToRunFolderName()
        {
            var os = OperatingSystem.IsWindows() ? "win"
                : OperatingSystem.IsMacOS() ? "osx"
                : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
                : "linux";
            var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            return $"net{Environment.Version.Major}.0-{os}-{architecture}";
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
            var file = assemblyName.Name + ".dll";
            var native = Path.Combine(_nativeDirectory, file);
            if (File.Exists(native))
            {
                return LoadFromAssemblyPath(native);
            }

            var path = Path.Combine(_directory, file);
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
