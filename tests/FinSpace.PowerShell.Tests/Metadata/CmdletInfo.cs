using System.Collections.Generic;
using System.Linq;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>A cmdlet as PowerShell will see it, read from the built assembly's metadata.</summary>
public sealed record CmdletInfo(
    string Verb,
    string Noun,
    string ClassName,
    string Namespace,
    bool IsSealed,
    bool SupportsShouldProcess,
    string ConfirmImpact,
    string? DefaultParameterSetName,
    IReadOnlyList<string> OutputTypes,
    IReadOnlyList<CmdletParameter> Parameters)
{
    public string Name => $"{Verb}-{Noun}";

    public CmdletParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The named parameter sets (parameters in every set excluded).</summary>
    public IReadOnlyList<string> ParameterSets =>
        Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != CmdletCatalog.AllSets).Distinct().OrderBy(s => s).ToList();

    public override string ToString() => Name;
}
