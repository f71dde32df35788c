using System.Collections.Generic;
using Markdig.Syntax;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>A heading and the top-level blocks up to the next heading of the same level.</summary>
public sealed record MarkdownSection(HeadingBlock Heading, IReadOnlyList<Block> Body)
{
    public string Title => PlainText.Of(Heading.Inline);
}
