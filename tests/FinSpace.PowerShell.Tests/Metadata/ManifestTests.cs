using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>FinSpace.psd1 as PowerShell will read it: explicit exports that match the cmdlets, nothing run at import.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ManifestTests(CmdletCatalog catalog)
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "FinSpace.psd1"));

    [Fact]
    public void CmdletsToExportIsExactlyTheCmdletClasses()
    {
        var exported = StringList("CmdletsToExport");
        Assert.DoesNotContain(exported, e => e.Contains('*'));
        Assert.Equal(catalog.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), exported.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void NothingElseIsExportedAndNothingRunsAtImport()
    {
        Assert.Empty(StringList("FunctionsToExport"));
        Assert.Empty(StringList("AliasesToExport"));
        Assert.Empty(StringList("VariablesToExport"));
        // Only the output types load with the module (PowerShell must resolve them before the cmdlet
        // assembly's types are listed); they reference nothing but the framework.
        Assert.Equal(new[] { "FinSpace.Objects.dll" }, StringList("RequiredAssemblies"));
        // These would load assemblies or run scripts during Import-Module.
        foreach (var key in new[] { "ScriptsToProcess", "NestedModules", "TypesToProcess" })
        {
            Assert.DoesNotMatch(new Regex(@"^\s*" + key + @"\s*=", RegexOptions.Multiline), Manifest);
        }
    }

    [Fact]
    public void TheManifestDescribesTheModule()
    {
        Assert.Equal("FinSpace.PowerShell.dll", Scalar("RootModule"));
        Assert.Equal("5.1", Scalar("PowerShellVersion"));
        Assert.Equal(new[] { "Core", "Desktop" }, StringList("CompatiblePSEditions"));
        Assert.Equal(new[] { "FinSpace.Format.ps1xml" }, StringList("FormatsToProcess"));
        // No HelpInfo.xml is published anywhere, so a HelpInfoURI would only make Update-Help fail;
        // and the project has no public home to point ProjectUri or LicenseUri at.
        foreach (var key in new[] { "HelpInfoURI", "ProjectUri", "LicenseUri" })
        {
            Assert.DoesNotMatch(new Regex(@"^\s*" + key + @"\s*=", RegexOptions.Multiline), Manifest);
        }

        Assert.Contains("7 October 2026", Scalar("Description"));
        Assert.Contains("29 November 2024", Scalar("Description"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar("ReleaseNotes")));
        Assert.Contains("FinSpace", StringList("Tags"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Scalar("ModuleVersion"));
        Assert.True(Guid.TryParse(Scalar("GUID"), out _));
    }

    [Fact]
    public void EveryAssemblyOfTheModuleCarriesTheManifestVersion()
    {
        // Directory.Build.props stamps every assembly from ModuleVersion: one place for the version.
        var expected = Version.Parse(Scalar("ModuleVersion"));
        var files = new[] { "FinSpace.PowerShell.dll", "FinSpace.Objects.dll", "FinSpace.LoadContext.dll", "dependencies/core/FinSpace.Data.dll", "dependencies/desktop/FinSpace.Data.dll" };
        Assert.All(files, file =>
        {
            var version = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(TestPaths.ModuleDirectory, file)).Version!;
            Assert.Equal(expected, new Version(version.Major, version.Minor, version.Build));
        });
    }

    [Fact]
    public void TheBuiltModuleFolderHasTheManifestAndViews()
    {
        Assert.Equal(Manifest, File.ReadAllText(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.psd1")));
        Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.Format.ps1xml")));
        Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.Objects.dll")));
        Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.LoadContext.dll")));
        foreach (var runtime in new[] { "core", "desktop" })
        {
            Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "dependencies", runtime, "FinSpace.Data.dll")));
            Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "dependencies", runtime, "AWSSDK.Core.dll")));
            Assert.False(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "dependencies", runtime, "FinSpace.Objects.dll")));
        }

        // On .NET 8+ the framework provides what the polyfills provide on .NET Framework; a copy in
        // the private context would split types such as Span<T> from the framework's.
        Assert.Empty(Directory.GetFiles(Path.Combine(TestPaths.ModuleDirectory, "dependencies", "core"), "System.*.dll"));
        Assert.Empty(Directory.GetFiles(Path.Combine(TestPaths.ModuleDirectory, "dependencies"), "*.dll"));
        // PowerShell itself provides System.Management.Automation; a copy in the module would shadow it.
        Assert.False(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "System.Management.Automation.dll")));
        Assert.Empty(Directory.GetFiles(TestPaths.ModuleDirectory, "System.Management.Automation.dll", SearchOption.AllDirectories));
    }

    private static string Scalar(string key)
    {
        var match = Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*'([^']*)'", RegexOptions.Multiline);
        Assert.True(match.Success, $"{key} is missing from FinSpace.psd1.");
        return match.Groups[1].Value;
    }

    private static string[] StringList(string key)
    {
        var match = Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(match.Success, $"{key} is missing from FinSpace.psd1 or is not an @() list.");
        return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
    }
}
