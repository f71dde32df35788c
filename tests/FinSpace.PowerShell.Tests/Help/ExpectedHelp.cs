using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FinSpace.HelpBuilder.Model;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>
/// What a cmdlet's help page must say about its parameters, derived from the metadata PowerShell
/// reads: the type names Get-Help shows, the parameters PowerShell adds for ShouldProcess, and the
/// usage line of each parameter set.
/// </summary>
public static class ExpectedHelp
{
    /// <summary>Parameters every cmdlet has that pages never list (they are in "CommonParameters").</summary>
    public static readonly IReadOnlySet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Debug", "ErrorAction", "ErrorVariable", "InformationAction", "InformationVariable", "OutBuffer",
        "OutVariable", "PipelineVariable", "ProgressAction", "Verbose", "WarningAction", "WarningVariable",
    };

    /// <summary>
    /// The cmdlet's parameters as its help must list them: its own, plus -WhatIf and -Confirm exactly
    /// when it supports ShouldProcess (PowerShell adds those two, so they are not in the assembly).
    /// </summary>
    public static IReadOnlyList<CmdletParameter> Parameters(CmdletInfo cmdlet)
    {
        var parameters = cmdlet.Parameters.Where(p => !CommonParameters.Contains(p.Name)).ToList();
        if (cmdlet.SupportsShouldProcess)
        {
            parameters.Add(ShouldProcessSwitch("WhatIf", "wi"));
            parameters.Add(ShouldProcessSwitch("Confirm", "cf"));
        }

        return parameters;
    }

    /// <summary>The type name as platyPS and Get-Help show it: no namespace, and a nullable value type as its value type.</summary>
    public static string TypeName(string clrFullName)
    {
        var nullable = Regex.Match(clrFullName, @"^System\.Nullable`1\[\[(?<inner>[^,\]]+)");
        var name = nullable.Success ? nullable.Groups["inner"].Value : clrFullName;
        var array = name.EndsWith("[]", StringComparison.Ordinal);
        var element = array ? name[..^2] : name;
        var shortName = element[(element.LastIndexOf('.') + 1)..];
        return array ? shortName + "[]" : shortName;
    }

    /// <summary>The parameter's membership of <paramref name="setName"/>, or null when it is not in that set.</summary>
    public static ParameterSetMembership? MembershipIn(CmdletParameter parameter, string setName) =>
        parameter.Sets.FirstOrDefault(s => s.SetName == setName) ?? parameter.Sets.FirstOrDefault(s => s.SetName == CmdletCatalog.AllSets);

    /// <summary>The usage line's parameters for one set (CmdletCatalog.AllSets for a cmdlet without named sets).</summary>
    public static IReadOnlyList<SyntaxElement> SyntaxOf(CmdletInfo cmdlet, string setName) =>
        Parameters(cmdlet)
            .Select(p => (Parameter: p, Membership: MembershipIn(p, setName)))
            .Where(x => x.Membership is not null)
            .Select(x => new SyntaxElement(
                x.Parameter.Name,
                TypeName(x.Parameter.TypeName) == "SwitchParameter" ? null : TypeName(x.Parameter.TypeName),
                x.Membership!.Mandatory,
                x.Membership.Position is not null))
            .ToList();

    /// <summary>The positions of the positional parameters of one set, in the order a usage line must show them.</summary>
    public static IReadOnlyList<string> PositionalOrder(CmdletInfo cmdlet, string setName) =>
        Parameters(cmdlet)
            .Select(p => (p.Name, Membership: MembershipIn(p, setName)))
            .Where(x => x.Membership?.Position is not null)
            .OrderBy(x => x.Membership!.Position)
            .Select(x => x.Name)
            .ToList();

    /// <summary>How an OutputType shows under OUTPUTS ("None" for void).</summary>
    public static string OutputHeading(string outputType) => outputType == "System.Void" ? "None" : outputType;

    private static CmdletParameter ShouldProcessSwitch(string name, string alias) =>
        new(
            name,
            "System.Management.Automation.SwitchParameter",
            new[] { alias },
            new[] { new ParameterSetMembership(CmdletCatalog.AllSets, false, null, false, false) },
            null,
            false,
            null,
            Array.Empty<string>(),
            "PSCmdlet");
}
