using System.Collections.Generic;
using System.Linq;

namespace FinSpace.HelpBuilder.Model;

/// <summary>One cmdlet's help page (platyPS schema 2.0.0), as read from its markdown.</summary>
public sealed record CommandHelp(
    string Name,
    string SourcePath,
    IReadOnlyDictionary<string, string> FrontMatter,
    string Synopsis,
    IReadOnlyList<SyntaxBlock> Syntax,
    IReadOnlyList<string> Description,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<RelatedLink> RelatedLinks)
{
    public const string ExternalHelpFileKey = "external help file";
    public const string OnlineVersionKey = "online version";

    public string Verb => Name.Split('-', 2)[0];

    public string Noun => Name.Split('-', 2)[1];

    public string? OnlineVersion => FrontMatter.TryGetValue(OnlineVersionKey, out var uri) && !string.IsNullOrWhiteSpace(uri) ? uri : null;

    public ParameterHelp? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase));
}
