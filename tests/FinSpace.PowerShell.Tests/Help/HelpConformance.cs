using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>
/// Compares one help page with the cmdlet's real signature and says every way they differ, one
/// line each, naming the cmdlet and parameter. An empty result means the page is true.
/// </summary>
public static class HelpConformance
{
    private const string AllSetsInHelp = ParameterAttributes.AllSets;

    /// <summary>Every documented parameter exists and every real one is documented (common parameters aside).</summary>
    public static IEnumerable<string> ParameterNames(CmdletInfo cmdlet, CommandHelp page)
    {
        var real = ExpectedHelp.Parameters(cmdlet).Select(p => p.Name).ToList();
        var documented = page.Parameters.Select(p => p.Name).ToList();
        foreach (var missing in real.Except(documented, StringComparer.Ordinal))
        {
            yield return $"{cmdlet.Name}: -{missing} is not documented under PARAMETERS";
        }

        foreach (var extra in documented.Except(real, StringComparer.Ordinal))
        {
            yield return $"{cmdlet.Name}: -{extra} is documented but the cmdlet has no such parameter";
        }

        foreach (var twice in documented.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"{cmdlet.Name}: -{twice.Key} is documented {twice.Count()} times";
        }
    }

    /// <summary>Type, aliases and accepted values of each documented parameter.</summary>
    public static IEnumerable<string> ParameterDetails(CmdletInfo cmdlet, CommandHelp page)
    {
        foreach (var (parameter, help) in Documented(cmdlet, page))
        {
            var type = ExpectedHelp.TypeName(parameter.TypeName);
            var aliases = parameter.Aliases.OrderBy(a => a, StringComparer.Ordinal).ToList();
            var accepted = parameter.ValidateSet ?? (IReadOnlyList<string>)Array.Empty<string>();
            foreach (var block in help.Blocks)
            {
                if (block.TypeName != type)
                {
                    yield return $"{cmdlet.Name} -{parameter.Name}: Type is {block.TypeName}, the parameter is {type}";
                }

                if (!block.Aliases.OrderBy(a => a, StringComparer.Ordinal).SequenceEqual(aliases))
                {
                    yield return $"{cmdlet.Name} -{parameter.Name}: Aliases are '{string.Join(", ", block.Aliases)}', the parameter's are '{string.Join(", ", aliases)}'";
                }

                if (!block.AcceptedValues.SequenceEqual(accepted))
                {
                    yield return $"{cmdlet.Name} -{parameter.Name}: Accepted values are '{string.Join(", ", block.AcceptedValues)}', the ValidateSet is '{string.Join(", ", accepted)}'";
                }

                if (block.AcceptsWildcards != parameter.SupportsWildcards)
                {
                    yield return parameter.SupportsWildcards
                        ? $"{cmdlet.Name} -{parameter.Name}: takes wildcards ([SupportsWildcards]), but the page says it does not"
                        : $"{cmdlet.Name} -{parameter.Name}: says it accepts wildcards, but the parameter has no [SupportsWildcards]";
                }
            }
        }
    }

    /// <summary>Required, position and pipeline input in every parameter set the parameter belongs to, and in no other.</summary>
    public static IEnumerable<string> ParameterSets(CmdletInfo cmdlet, CommandHelp page)
    {
        foreach (var (parameter, help) in Documented(cmdlet, page))
        {
            var realSets = parameter.Sets.ToDictionary(s => s.SetName == CmdletCatalog.AllSets ? AllSetsInHelp : s.SetName, StringComparer.Ordinal);
            var documentedSets = help.Blocks.SelectMany(b => b.ParameterSets.Select(set => (Set: set, Block: b))).ToList();
            foreach (var duplicate in documentedSets.GroupBy(d => d.Set).Where(g => g.Count() > 1))
            {
                yield return $"{cmdlet.Name} -{parameter.Name}: the parameter set {duplicate.Key} is in more than one block";
            }

            var documentedNames = documentedSets.Select(d => d.Set).Distinct().ToList();
            if (!documentedNames.OrderBy(s => s).SequenceEqual(realSets.Keys.OrderBy(s => s)))
            {
                yield return $"{cmdlet.Name} -{parameter.Name}: Parameter Sets are '{string.Join(", ", documentedNames)}', the parameter is in '{string.Join(", ", realSets.Keys)}'";
                continue;
            }

            foreach (var (set, block) in documentedSets)
            {
                var real = realSets[set];
                if (block.Required != real.Mandatory)
                {
                    yield return $"{cmdlet.Name} -{parameter.Name} ({set}): Required is {block.Required}, the parameter's Mandatory is {real.Mandatory}";
                }

                if (block.Position != real.Position)
                {
                    yield return $"{cmdlet.Name} -{parameter.Name} ({set}): Position is {Position(block.Position)}, the parameter's is {Position(real.Position)}";
                }

                if (block.ByValue != real.ValueFromPipeline || block.ByPropertyName != real.ValueFromPipelineByPropertyName)
                {
                    var expected = new ParameterAttributes("", Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), false, null, "", real.ValueFromPipeline, real.ValueFromPipelineByPropertyName, false).PipelineInputText;
                    yield return $"{cmdlet.Name} -{parameter.Name} ({set}): Accept pipeline input is '{block.PipelineInputText}', the parameter's is '{expected}'";
                }
            }
        }
    }

    /// <summary>One SYNTAX block per real parameter set, each naming exactly that set's parameters as PowerShell would show them.</summary>
    public static IEnumerable<string> Syntax(CmdletInfo cmdlet, CommandHelp page)
    {
        var realSets = cmdlet.ParameterSets;
        if (realSets.Count == 0)
        {
            if (page.Syntax.Count != 1 || page.Syntax[0].SetName is not null)
            {
                yield return $"{cmdlet.Name}: has one parameter set, so SYNTAX needs one code block without a set heading";
                yield break;
            }

            foreach (var problem in SyntaxBlock(cmdlet, page.Syntax[0], CmdletCatalog.AllSets))
            {
                yield return problem;
            }

            yield break;
        }

        var documented = page.Syntax.Select(s => s.SetName ?? "(no heading)").ToList();
        if (!documented.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(realSets.OrderBy(s => s, StringComparer.Ordinal)))
        {
            yield return $"{cmdlet.Name}: SYNTAX has the sets '{string.Join(", ", documented)}', the cmdlet has '{string.Join(", ", realSets)}'";
            yield break;
        }

        foreach (var block in page.Syntax)
        {
            var isDefault = block.SetName == cmdlet.DefaultParameterSetName;
            if (block.IsDefault != isDefault)
            {
                yield return $"{cmdlet.Name}: the set {block.SetName} is {(isDefault ? "the default and must be marked (Default)" : "not the default but is marked (Default)")}";
            }

            foreach (var problem in SyntaxBlock(cmdlet, block, block.SetName!))
            {
                yield return problem;
            }
        }
    }

    /// <summary>A page's own content: synopsis, description, at least two explained examples of this cmdlet.</summary>
    public static IEnumerable<string> Content(CmdletInfo cmdlet, CommandHelp page)
    {
        if (string.IsNullOrWhiteSpace(page.Synopsis))
        {
            yield return $"{cmdlet.Name}: the SYNOPSIS is empty";
        }

        if (page.Description.All(string.IsNullOrWhiteSpace))
        {
            yield return $"{cmdlet.Name}: the DESCRIPTION is empty";
        }

        if (page.Examples.Count < 2)
        {
            yield return $"{cmdlet.Name}: has {page.Examples.Count} example(s); at least 2 are needed";
        }

        foreach (var example in page.Examples)
        {
            if (!example.Code.Contains(cmdlet.Name, StringComparison.Ordinal))
            {
                yield return $"{cmdlet.Name}: '{example.Title}' does not use {cmdlet.Name}";
            }

            if (example.Remarks.All(string.IsNullOrWhiteSpace))
            {
                yield return $"{cmdlet.Name}: '{example.Title}' does not explain what it does";
            }
        }

        foreach (var parameter in page.Parameters.Where(p => p.Description.All(string.IsNullOrWhiteSpace)))
        {
            yield return $"{cmdlet.Name} -{parameter.Name}: has no description";
        }

        foreach (var output in cmdlet.OutputTypes.Select(ExpectedHelp.OutputHeading))
        {
            if (!page.Outputs.Any(o => o.TypeName == output))
            {
                yield return $"{cmdlet.Name}: OUTPUTS does not list {output}, one of its OutputTypes";
            }
        }
    }

    /// <summary>Everything above, for one cmdlet.</summary>
    public static IReadOnlyList<string> All(CmdletInfo cmdlet, CommandHelp page) =>
        ParameterNames(cmdlet, page)
            .Concat(ParameterDetails(cmdlet, page))
            .Concat(ParameterSets(cmdlet, page))
            .Concat(Syntax(cmdlet, page))
            .Concat(Content(cmdlet, page))
            .ToList();

    private static IEnumerable<string> SyntaxBlock(CmdletInfo cmdlet, SyntaxBlock block, string setName)
    {
        var label = block.SetName is null ? cmdlet.Name : $"{cmdlet.Name} ({block.SetName})";
        var expected = ExpectedHelp.SyntaxOf(cmdlet, setName);
        foreach (var missing in expected.Except(block.Elements))
        {
            yield return $"{label}: the usage line lacks {Show(missing)}";
        }

        foreach (var extra in block.Elements.Except(expected))
        {
            yield return $"{label}: the usage line has {Show(extra)}, which is not how the parameter set has it";
        }

        // PowerShell binds positional arguments in position order, so a usage line must list them first, in that order.
        var positional = ExpectedHelp.PositionalOrder(cmdlet, setName);
        var shown = block.Elements.Take(positional.Count).Select(e => e.Name).ToList();
        if (!shown.SequenceEqual(positional))
        {
            yield return $"{label}: the usage line must start with the positional parameters {string.Join(", ", positional.Select(p => "-" + p))} in that order";
        }
    }

    private static IEnumerable<(CmdletParameter Parameter, ParameterHelp Help)> Documented(CmdletInfo cmdlet, CommandHelp page) =>
        ExpectedHelp.Parameters(cmdlet)
            .Select(p => (Parameter: p, Help: page.Parameters.FirstOrDefault(h => h.Name == p.Name)))
            .Where(x => x.Help is not null)
            .Select(x => (x.Parameter, x.Help!));

    private static string Position(int? position) => position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named";

    private static string Show(SyntaxElement element)
    {
        var core = element.IsPositional ? $"[-{element.Name}]" : $"-{element.Name}";
        var typed = element.TypeName is null ? core : $"{core} <{element.TypeName}>";
        return element.IsMandatory ? typed : $"[{typed}]";
    }
}
