using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>
/// Reads the built module's cmdlets with System.Reflection.MetadataLoadContext, resolving
/// System.Management.Automation from PowerShellStandard.Library: the assembly is inspected the way
/// PowerShell will read it, never executed.
/// </summary>
public sealed class CmdletCatalog : IDisposable
{
    public const string AllSets = "__AllParameterSets";
    private const string Sma = "System.Management.Automation";

    private readonly MetadataLoadContext _context;

    public CmdletCatalog()
    {
        var moduleAssembly = Path.Combine(TestPaths.ModuleDirectory, "FinSpace.PowerShell.dll");
        if (!File.Exists(moduleAssembly))
        {
            throw new InvalidOperationException($"The module is not built: {moduleAssembly} is missing. Run 'dotnet build'.");
        }

        var paths = new List<string>(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
        {
            Path.Combine(TestPaths.PowerShellStandardDirectory, Sma + ".dll"),
            moduleAssembly,
        };
        // The output types at the root, and the engine build the cmdlets compile against (netstandard2.0,
        // in dependencies/desktop), whose files shadow same-named runtime assemblies (System.Text.Json 8
        // is what it references).
        paths.Add(Path.Combine(TestPaths.ModuleDirectory, "FinSpace.Objects.dll"));
        var dependencies = Directory.GetFiles(Path.Combine(TestPaths.ModuleDirectory, "dependencies", "desktop"), "*.dll");
        var names = new HashSet<string>(dependencies.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        paths.RemoveAll(p => names.Contains(Path.GetFileName(p)));
        paths.AddRange(dependencies);

        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "netstandard");
        Assembly = _context.LoadFromAssemblyPath(moduleAssembly);
        SmaAssembly = _context.LoadFromAssemblyName(Sma);
        CoreAssembly = _context.LoadFromAssemblyName("FinSpace.Data");
        ObjectsAssembly = _context.LoadFromAssemblyName("FinSpace.Objects");
        Cmdlets = Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && HasAttribute(t, "CmdletAttribute"))
            .Select(Read)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    public Assembly Assembly { get; }
    public Assembly SmaAssembly { get; }
    public Assembly CoreAssembly { get; }
    public Assembly ObjectsAssembly { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public CmdletInfo this[string name] => Cmdlets.Single(c => c.Name == name);

    public Type SmaType(string name) => SmaAssembly.GetType(Sma + "." + name, throwOnError: true)!;

    public void Dispose() => _context.Dispose();

    private static CmdletInfo Read(Type type)
    {
        var cmdlet = Attribute(type, "CmdletAttribute")!;
        var named = cmdlet.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
        var confirmImpact = named.TryGetValue("ConfirmImpact", out var impact) ? ((ConfirmImpactValue)(int)impact!).ToString() : "Medium";
        return new CmdletInfo(
            Verb: (string)cmdlet.ConstructorArguments[0].Value!,
            Noun: (string)cmdlet.ConstructorArguments[1].Value!,
            ClassName: type.Name,
            Namespace: type.Namespace ?? string.Empty,
            IsSealed: type.IsSealed,
            SupportsShouldProcess: named.TryGetValue("SupportsShouldProcess", out var should) && (bool)should!,
            ConfirmImpact: confirmImpact,
            DefaultParameterSetName: named.TryGetValue("DefaultParameterSetName", out var set) ? (string?)set : null,
            OutputTypes: Attributes(type, "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .Select(v => v is Type t ? t.FullName! : v?.ToString() ?? string.Empty)
                .ToList(),
            Parameters: type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => HasAttribute(p, "ParameterAttribute"))
                .Select(ReadParameter)
                .ToList());
    }

    private static CmdletParameter ReadParameter(PropertyInfo property)
    {
        var sets = Attributes(property, "ParameterAttribute").Select(a =>
        {
            var named = a.NamedArguments.ToDictionary(n => n.MemberName, n => n.TypedValue.Value);
            int? position = named.TryGetValue("Position", out var pos) ? (int)pos! : null;
            return new ParameterSetMembership(
                named.TryGetValue("ParameterSetName", out var name) ? (string)name! : AllSets,
                named.TryGetValue("Mandatory", out var mandatory) && (bool)mandatory!,
                position,
                named.TryGetValue("ValueFromPipeline", out var vfp) && (bool)vfp!,
                named.TryGetValue("ValueFromPipelineByPropertyName", out var byName) && (bool)byName!);
        }).ToList();

        // ValidateSetIfGiven is the ValidateSet of optional parameters whose empty value means "not given".
        var validateSet = (Attribute(property, "ValidateSetAttribute")
                ?? property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "FinSpace.PowerShell.Binding.ValidateSetIfGivenAttribute"))?.ConstructorArguments
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
            .ToList();
        var completer = Attribute(property, "ArgumentCompleterAttribute");
        return new CmdletParameter(
            property.Name,
            property.PropertyType.FullName ?? property.PropertyType.Name,
            Attributes(property, "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => ((IEnumerable<CustomAttributeTypedArgument>)arg.Value!).Select(v => (string)v.Value!))
                .ToList(),
            sets,
            validateSet,
            completer is not null,
            completer?.ConstructorArguments.FirstOrDefault().Value is Type t ? t.FullName : null,
            property.GetCustomAttributesData().Select(a => a.AttributeType.Name).Where(n => n.StartsWith("Validate", StringComparison.Ordinal)).ToList(),
            property.DeclaringType!.Name,
            HasAttribute(property, "SupportsWildcardsAttribute"));
    }

    private static bool HasAttribute(MemberInfo member, string name) => Attribute(member, name) is not null;

    private static CustomAttributeData? Attribute(MemberInfo member, string name) => Attributes(member, name).FirstOrDefault();

    private static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.Name == name && a.AttributeType.Namespace == Sma);

    // System.Management.Automation.ConfirmImpact, by value.
    private enum ConfirmImpactValue
    {
        None = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    }
}
