using System.Collections.Generic;
using System.Linq;

namespace FinSpace.HelpBuilder.Model;

/// <summary>A parameter's YAML block: how it behaves in the parameter sets it lists.</summary>
public sealed record ParameterAttributes(
    string TypeName,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    int? Position,
    string DefaultValue,
    bool ByValue,
    bool ByPropertyName,
    bool AcceptsWildcards)
{
    /// <summary>How a block says "every parameter set".</summary>
    public const string AllSets = "(All)";

    public bool AppliesToAllSets => ParameterSets.Count == 1 && ParameterSets[0] == AllSets;

    public bool AppliesTo(string setName) => AppliesToAllSets || ParameterSets.Contains(setName);

    public bool IsSwitch => TypeName == "SwitchParameter";

    /// <summary>As platyPS and Get-Help write it: "True (ByPropertyName, ByValue)" or "False".</summary>
    public string PipelineInputText =>
        (ByValue, ByPropertyName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
}
