using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FinSpace.HelpBuilder.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>
/// Reads a cmdlet page in platyPS schema 2.0.0. Strict on structure (every section, in order) so a
/// page that Get-Help would show incomplete fails the build instead.
/// </summary>
public static class CommandHelpReader
{
    public static readonly IReadOnlyList<string> SectionOrder = new[]
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private const string CommonParametersHeading = "CommonParameters";
    private const string DefaultSuffix = " (Default)";

    public static CommandHelp Read(MarkdownSource source)
    {
        var title = source.Blocks.FirstOrDefault() as HeadingBlock;
        if (title is not { Level: 1 })
        {
            throw source.Error(source.Blocks.FirstOrDefault(), "a cmdlet page starts with '# Verb-Noun'");
        }

        var name = PlainText.Of(title.Inline);
        if (!Regex.IsMatch(name, @"^[A-Z][a-z]+-\w+$"))
        {
            throw source.Error(title, $"'{name}' is not a Verb-Noun cmdlet name");
        }

        var sections = MarkdownSource.Sections(source.Blocks, 2);
        var titles = sections.Select(s => s.Title).ToList();
        if (!titles.SequenceEqual(SectionOrder))
        {
            throw source.Error(title, $"the sections must be {string.Join(", ", SectionOrder)} in that order; found {string.Join(", ", titles)}");
        }

        MarkdownSection Section(string heading) => sections[titles.IndexOf(heading)];

        var synopsis = string.Join(" ", PlainText.Paragraphs(Section("SYNOPSIS").Body));
        return new CommandHelp(
            name,
            source.Path,
            source.FrontMatter,
            synopsis,
            ReadSyntax(source, name, Section("SYNTAX")),
            PlainText.Paragraphs(Section("DESCRIPTION").Body),
            ReadExamples(source, Section("EXAMPLES")),
            ReadParameters(source, Section("PARAMETERS")),
            ReadTypes(Section("INPUTS")),
            ReadTypes(Section("OUTPUTS")),
            PlainText.Paragraphs(Section("NOTES").Body),
            ReadLinks(source, Section("RELATED LINKS")));
    }

    private static IReadOnlyList<SyntaxBlock> ReadSyntax(MarkdownSource source, string name, MarkdownSection section)
    {
        var sets = MarkdownSource.Sections(section.Body, 3);
        if (sets.Count == 0)
        {
            var code = section.Body.OfType<FencedCodeBlock>().ToList();
            if (code.Count != 1)
            {
                throw source.Error(section.Heading, "SYNTAX needs one code block, or one '### SetName' heading with a code block per parameter set");
            }

            return new[] { Syntax(source, name, null, false, code[0]) };
        }

        return sets.Select(set =>
        {
            var code = set.Body.OfType<FencedCodeBlock>().ToList();
            if (code.Count != 1)
            {
                throw source.Error(set.Heading, $"the parameter set '{set.Title}' needs exactly one code block");
            }

            var isDefault = set.Title.EndsWith(DefaultSuffix, StringComparison.Ordinal);
            var setName = isDefault ? set.Title[..^DefaultSuffix.Length] : set.Title;
            return Syntax(source, name, setName, isDefault, code[0]);
        }).ToList();
    }

    private static SyntaxBlock Syntax(MarkdownSource source, string name, string? setName, bool isDefault, FencedCodeBlock code)
    {
        var text = code.Lines.ToString().Trim();
        try
        {
            return new SyntaxBlock(setName, isDefault, text, SyntaxParser.Parse(name, text));
        }
        catch (FormatException invalid)
        {
            throw source.Error(code, invalid.Message);
        }
    }

    private static IReadOnlyList<ExampleHelp> ReadExamples(MarkdownSource source, MarkdownSection section) =>
        MarkdownSource.Sections(section.Body, 3).Select(example =>
        {
            var code = example.Body.OfType<FencedCodeBlock>().Select(c => c.Lines.ToString().TrimEnd()).ToList();
            if (code.Count == 0)
            {
                throw source.Error(example.Heading, $"the example '{example.Title}' has no code block");
            }

            var remarks = PlainText.Paragraphs(example.Body.Where(b => b is not FencedCodeBlock));
            return new ExampleHelp(example.Title, string.Join("\n\n", code), remarks);
        }).ToList();

    private static IReadOnlyList<ParameterHelp> ReadParameters(MarkdownSource source, MarkdownSection section)
    {
        var parameters = new List<ParameterHelp>();
        foreach (var entry in MarkdownSource.Sections(section.Body, 3))
        {
            if (entry.Title == CommonParametersHeading)
            {
                continue;
            }

            if (!entry.Title.StartsWith('-'))
            {
                throw source.Error(entry.Heading, $"a parameter heading reads '### -Name', not '### {entry.Title}'");
            }

            var blocks = entry.Body.OfType<FencedCodeBlock>().Where(c => c.Info == "yaml").ToList();
            if (blocks.Count == 0)
            {
                throw source.Error(entry.Heading, $"the parameter {entry.Title} has no ```yaml block");
            }

            var description = PlainText.Paragraphs(entry.Body.Where(b => !(b is FencedCodeBlock c && c.Info == "yaml")));
            parameters.Add(new ParameterHelp(entry.Title[1..], description, blocks.Select(b => ParameterBlockReader.Read(source, b)).ToList()));
        }

        if (!MarkdownSource.Sections(section.Body, 3).Any(s => s.Title == CommonParametersHeading))
        {
            throw source.Error(section.Heading, $"PARAMETERS must end with '### {CommonParametersHeading}'");
        }

        return parameters;
    }

    private static IReadOnlyList<TypeHelp> ReadTypes(MarkdownSection section) =>
        MarkdownSource.Sections(section.Body, 3).Select(type => new TypeHelp(type.Title, PlainText.Paragraphs(type.Body))).ToList();

    private static IReadOnlyList<RelatedLink> ReadLinks(MarkdownSource source, MarkdownSection section)
    {
        var links = new List<RelatedLink>();
        foreach (var paragraph in section.Body.OfType<ParagraphBlock>())
        {
            foreach (var link in paragraph.Inline!.Descendants<LinkInline>())
            {
                var url = link.Url ?? string.Empty;
                // Get-Help can open only absolute addresses; a sibling page is named by its text.
                var absolute = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
                links.Add(new RelatedLink(PlainText.Of(link), absolute ? url : string.Empty));
            }
        }

        if (links.Count == 0 && section.Body.Count > 0)
        {
            throw source.Error(section.Heading, "RELATED LINKS holds markdown links, one per line");
        }

        return links;
    }
}
