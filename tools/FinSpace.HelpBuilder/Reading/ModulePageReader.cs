using System.Collections.Generic;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>Reads the module page: '## Description', then '## &lt;Module&gt; Cmdlets' with '### [Name](Name.md)' and a line each.</summary>
public static class ModulePageReader
{
    public const string ModuleNameKey = "Module Name";
    public const string ModuleGuidKey = "Module Guid";

    public static ModulePage Read(MarkdownSource source)
    {
        var name = source.FrontMatter.TryGetValue(ModuleNameKey, out var module) ? module : throw source.Error(null, $"the module page's front matter lacks '{ModuleNameKey}'");
        var sections = MarkdownSource.Sections(source.Blocks, 2);
        var description = sections.FirstOrDefault(s => s.Title == "Description") ?? throw source.Error(null, "the module page lacks '## Description'");
        var cmdlets = sections.FirstOrDefault(s => s.Title == name + " Cmdlets") ?? throw source.Error(null, $"the module page lacks '## {name} Cmdlets'");
        var entries = new List<ModulePageEntry>();
        foreach (var entry in MarkdownSource.Sections(cmdlets.Body, 3))
        {
            var link = entry.Heading.Inline?.Descendants<LinkInline>().FirstOrDefault()
                ?? throw source.Error(entry.Heading, "a cmdlet entry reads '### [Verb-Noun](Verb-Noun.md)'");
            entries.Add(new ModulePageEntry(PlainText.Of(link), link.Url ?? string.Empty, string.Join(" ", PlainText.Paragraphs(entry.Body))));
        }

        return new ModulePage(name, source.FrontMatter.GetValueOrDefault(ModuleGuidKey), source.Path, PlainText.Paragraphs(description.Body), entries);
    }
}
