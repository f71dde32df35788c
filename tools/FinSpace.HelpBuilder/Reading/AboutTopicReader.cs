using System.Linq;
using FinSpace.HelpBuilder.Model;
using Markdig.Syntax;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>Reads an about_ topic: '# about_Name', then '##' sections (SHORT DESCRIPTION first) with '###' subsections.</summary>
public static class AboutTopicReader
{
    public const string ShortDescription = "SHORT DESCRIPTION";

    public static AboutTopic Read(MarkdownSource source)
    {
        if (source.Blocks.FirstOrDefault() is not HeadingBlock { Level: 1 } title || !PlainText.Of(title.Inline).StartsWith("about_", System.StringComparison.Ordinal))
        {
            throw source.Error(source.Blocks.FirstOrDefault(), "an about topic starts with '# about_Name'");
        }

        // Level-3 headings are subsections of the level-2 section before them, kept in document order.
        var sections = source.Blocks.Skip(1)
            .Select((block, index) => (block, index))
            .Where(x => x.block is HeadingBlock { Level: 2 or 3 })
            .Select(x => (Heading: (HeadingBlock)x.block, x.index))
            .ToList();
        if (sections.Count == 0 || PlainText.Of(sections[0].Heading.Inline) != ShortDescription)
        {
            throw source.Error(title, $"an about topic's first section is '## {ShortDescription}'");
        }

        var blocks = source.Blocks.Skip(1).ToList();
        var result = sections.Select((section, i) =>
        {
            var end = i + 1 < sections.Count ? sections[i + 1].index : blocks.Count;
            var body = blocks.Skip(section.index + 1).Take(end - section.index - 1);
            return new AboutSection(section.Heading.Level, PlainText.Of(section.Heading.Inline), PlainText.Blocks(body));
        }).ToList();
        return new AboutTopic(PlainText.Of(title.Inline), source.Path, result);
    }
}
