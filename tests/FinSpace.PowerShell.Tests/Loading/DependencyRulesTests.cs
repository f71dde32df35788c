using System.IO;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Tests.Loading;

/// <summary>
/// The module's resolver answers only for its own files and only for its own assemblies' requests,
/// on both runtimes. (Windows PowerShell 5.1 is not on this machine: its rules are checked here.)
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly string Module = Path.Combine(Path.GetTempPath(), "modules", "FinSpace");
    private static readonly string Cmdlets = Path.Combine(Module, "FinSpace.PowerShell.dll");
    private static readonly string Desktop = Path.Combine(Module, "dependencies", "desktop");
    private static readonly string Core = Path.Combine(Module, "dependencies", "core");
    private static readonly string Foreign = Path.Combine(Path.GetTempPath(), "modules", "AWS.Tools.Common", "AWS.Tools.Common.dll");

    private static DependencyRules CoreRules() => new(Module, isCoreClr: true, new[] { "FinSpace.Data.dll", "AWSSDK.Core.dll", "AWSSDK.S3.dll" });

    private static DependencyRules DesktopRules() =>
        new(Module, isCoreClr: false, new[] { "FinSpace.Data.dll", "AWSSDK.Core.dll", "System.Text.Json.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "notes.txt" });

    [Fact]
    public void OnPowerShell7OnlyTheEngineIsAnsweredAndOnlyForTheCmdlets()
    {
        var rules = CoreRules();
        Assert.Equal(Path.Combine(Core, "FinSpace.Data.dll"), rules.FileFor("FinSpace.Data", Cmdlets));
        // The private context finds AWSSDK.* itself; the default context must never get ours.
        Assert.Null(rules.FileFor("AWSSDK.Core", Cmdlets));
        Assert.Null(rules.FileFor("AWSSDK.Core", Path.Combine(Core, "FinSpace.Data.dll")));
        Assert.Null(rules.FileFor("FinSpace.Data", Foreign));
        Assert.Null(rules.FileFor("AWSSDK.Core", Foreign));
        // An unknown requester is not ours to serve on .NET, which always names it.
        Assert.Null(rules.FileFor("FinSpace.Data", null));
    }

    [Fact]
    public void TheOutputTypesComeFromTheModuleRootForTheModulesOwnAssemblies()
    {
        foreach (var rules in new[] { CoreRules(), DesktopRules() })
        {
            Assert.Equal(Path.Combine(Module, "FinSpace.Objects.dll"), rules.FileFor("FinSpace.Objects", Path.Combine(rules.DependencyDirectory, "FinSpace.Data.dll")));
            Assert.Null(rules.FileFor("FinSpace.Objects", Foreign));
        }
    }

    [Fact]
    public void OnWindowsPowerShellEachDesktopDependencyIsAnsweredForOurRequestsOnly()
    {
        var rules = DesktopRules();
        Assert.Equal(Path.Combine(Desktop, "FinSpace.Data.dll"), rules.FileFor("FinSpace.Data", Cmdlets));
        Assert.Equal(Path.Combine(Desktop, "AWSSDK.Core.dll"), rules.FileFor("AWSSDK.Core", Path.Combine(Desktop, "FinSpace.Data.dll")));
        Assert.Equal(Path.Combine(Desktop, "System.Text.Json.dll"), rules.FileFor("system.text.json", Path.Combine(Desktop, "AWSSDK.Core.dll")));
        // .NET Framework sometimes reports no requester; the name alone must then be one of our files.
        Assert.Equal(Path.Combine(Desktop, "AWSSDK.Core.dll"), rules.FileFor("AWSSDK.Core", null));
        Assert.Null(rules.FileFor("AWSSDK.S3", null));
        Assert.Null(rules.FileFor("notes", Cmdlets));
        // AWS.Tools asking for AWSSDK.Core gets its own, not ours.
        Assert.Null(rules.FileFor("AWSSDK.Core", Foreign));
        // A dependency of ours is never served from the other runtime's folder.
        Assert.Null(rules.FileFor("AWSSDK.Core", Path.Combine(Core, "FinSpace.Data.dll")));
    }

    [Fact]
    public void OursMeansTheModuleRootOrThisRuntimesDependencyFolder()
    {
        var rules = DesktopRules();
        Assert.True(rules.IsOurs(Cmdlets));
        Assert.True(rules.IsOurs(Path.Combine(Desktop, "AWSSDK.Core.dll")));
        Assert.False(rules.IsOurs(Path.Combine(Core, "AWSSDK.Core.dll")));
        Assert.False(rules.IsOurs(Path.Combine(Module, "en-US", "x.dll")));
        Assert.False(rules.IsOurs(Foreign));
        Assert.False(rules.IsOurs(string.Empty));
    }
}
