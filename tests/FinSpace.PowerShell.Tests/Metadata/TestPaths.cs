using System.Linq;
using System.Reflection;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>Where the built module, the compile-time PowerShell and the repository are (set at build time).</summary>
internal static class TestPaths
{
    public static string ModuleDirectory => Value("ModuleDirectory");
    public static string PowerShellStandardDirectory => Value("PowerShellStandardDirectory");
    public static string RepositoryRoot => Value("RepositoryRoot");
    public static string Configuration => Value("Configuration");

    private static string Value(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
