using System;
using System.Collections.Generic;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using Markdig.Syntax;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>Reads a parameter's ```yaml block (platyPS schema 2.0.0).</summary>
public static class ParameterBlockReader
{
    private const string TypeKey = "Type";
    private const string SetsKey = "Parameter Sets";
    private const string AliasesKey = "Aliases";
    private const string AcceptedValuesKey = "Accepted values";
    private const string RequiredKey = "Required";
    private const string PositionKey = "Position";
    private const string DefaultKey = "Default value";
    private const string PipelineKey = "Accept pipeline input";
    private const string WildcardKey = "Accept wildcard characters";

    private static readonly string[] Required = { TypeKey, SetsKey, AliasesKey, RequiredKey, PositionKey, DefaultKey, PipelineKey, WildcardKey };
    private static readonly string[] Known = Required.Append(AcceptedValuesKey).ToArray();

    public static ParameterAttributes Read(MarkdownSource source, FencedCodeBlock block)
    {
        var values = source.ReadYaml(block, block.Lines.ToString());
        var missing = Required.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw source.Error(block, "the parameter block lacks " + string.Join(", ", missing));
        }

        var unknown = values.Keys.Except(Known).ToList();
        if (unknown.Count > 0)
        {
            throw source.Error(block, "the parameter block has unknown keys: " + string.Join(", ", unknown));
        }

        var (byValue, byName) = Pipeline(source, block, values[PipelineKey]);
        return new ParameterAttributes(
            TypeName: NotEmpty(source, block, values, TypeKey),
            ParameterSets: List(NotEmpty(source, block, values, SetsKey)),
            Aliases: List(values[AliasesKey]),
            AcceptedValues: values.TryGetValue(AcceptedValuesKey, out var accepted) ? List(accepted) : Array.Empty<string>(),
            Required: Flag(source, block, values, RequiredKey),
            Position: Position(source, block, values[PositionKey]),
            DefaultValue: NotEmpty(source, block, values, DefaultKey),
            ByValue: byValue,
            ByPropertyName: byName,
            AcceptsWildcards: Flag(source, block, values, WildcardKey));
    }

    private static IReadOnlyList<string> List(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NotEmpty(MarkdownSource source, Block block, Dictionary<string, string> values, string key) =>
        string.IsNullOrWhiteSpace(values[key]) ? throw source.Error(block, $"'{key}' is empty") : values[key].Trim();

    private static bool Flag(MarkdownSource source, Block block, Dictionary<string, string> values, string key) =>
        values[key].Trim() switch
        {
            "True" => true,
            "False" => false,
            var other => throw source.Error(block, $"'{key}' must be True or False, not '{other}'"),
        };

    private static int? Position(MarkdownSource source, Block block, string text) =>
        text.Trim() == "Named" ? null
        : int.TryParse(text.Trim(), out var position) && position >= 0 ? position
        : throw source.Error(block, $"'Position' must be Named or a number from 0, not '{text}'");

    private static (bool ByValue, bool ByPropertyName) Pipeline(MarkdownSource source, Block block, string text)
    {
        var value = text.Trim();
        if (value == "False")
        {
            return (false, false);
        }

        if (value.StartsWith("True (", StringComparison.Ordinal) && value.EndsWith(')'))
        {
            var kinds = List(value["True (".Length..^1]);
            var known = kinds.All(k => k is "ByValue" or "ByPropertyName");
            if (known && kinds.Count > 0 && kinds.Distinct().Count() == kinds.Count)
            {
                return (kinds.Contains("ByValue"), kinds.Contains("ByPropertyName"));
            }
        }

        throw source.Error(block, $"'Accept pipeline input' must be False or True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue), not '{value}'");
    }
}
