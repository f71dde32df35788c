using System.Collections.Generic;
using System.Text.RegularExpressions;
using FinSpace.HelpBuilder.Model;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>Reads a usage line the way Get-Command -Syntax writes one.</summary>
public static partial class SyntaxParser
{
    public const string CommonParameters = "[<CommonParameters>]";

    /// <summary>The parameters of <paramref name="text"/>, which must start with <paramref name="command"/>.</summary>
    /// <exception cref="System.FormatException">The text is not a usage line of that command.</exception>
    public static IReadOnlyList<SyntaxElement> Parse(string command, string text)
    {
        var line = Regex.Replace(text.Trim(), @"\s+", " ");
        if (!line.StartsWith(command + " ", System.StringComparison.Ordinal) && line != command)
        {
            throw new System.FormatException($"the usage line must start with '{command}'");
        }

        var elements = new List<SyntaxElement>();
        var rest = line.Substring(command.Length);
        var position = 0;
        var sawCommon = false;
        while (position < rest.Length)
        {
            var match = Element().Match(rest, position);
            if (!match.Success || match.Index != position)
            {
                throw new System.FormatException($"cannot read the usage line from '{rest.Substring(position).Trim()}'");
            }

            if (sawCommon)
            {
                throw new System.FormatException($"{CommonParameters} must come last");
            }

            position += match.Length;
            if (match.Groups["common"].Success)
            {
                sawCommon = true;
                continue;
            }

            elements.Add(From(match));
        }

        if (!sawCommon)
        {
            throw new System.FormatException($"the usage line must end with {CommonParameters}");
        }

        return elements;
    }

    private static SyntaxElement From(Match match)
    {
        static string? Type(Group group) => group.Success ? group.Value.Trim() : null;
        if (match.Groups["positionalOptional"].Success)
        {
            return new SyntaxElement(match.Groups["positionalOptional"].Value, Type(match.Groups["t1"]), IsMandatory: false, IsPositional: true);
        }

        if (match.Groups["positional"].Success)
        {
            return new SyntaxElement(match.Groups["positional"].Value, Type(match.Groups["t2"]), IsMandatory: true, IsPositional: true);
        }

        if (match.Groups["namedOptional"].Success)
        {
            return new SyntaxElement(match.Groups["namedOptional"].Value, Type(match.Groups["t3"]), IsMandatory: false, IsPositional: false);
        }

        if (match.Groups["switch"].Success)
        {
            return new SyntaxElement(match.Groups["switch"].Value, null, IsMandatory: false, IsPositional: false);
        }

        return new SyntaxElement(match.Groups["named"].Value, Type(match.Groups["t5"]), IsMandatory: true, IsPositional: false);
    }

    // Alternatives from the most to the least bracketed, so "[-Name] <T>" is never read as a switch.
    [GeneratedRegex(@"\G\s*(?:
          \[\[-(?<positionalOptional>\w+)\]\s<(?<t1>[^>]+)>\]
        | \[-(?<positional>\w+)\]\s<(?<t2>[^>]+)>
        | \[-(?<namedOptional>\w+)\s<(?<t3>[^>]+)>\]
        | (?<common>\[<CommonParameters>\])
        | \[-(?<switch>\w+)\]
        | -(?<named>\w+)(?:\s<(?<t5>[^>]+)>)?
        )", RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Element();
}
