using System.Collections.Generic;
using System.Linq;
using System.Text;
using FinSpace.HelpBuilder.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>
/// Markdown prose as the plain text a console shows: emphasis dropped, code spans and link texts
/// kept, soft line breaks joined, lists as items, fenced code verbatim.
/// </summary>
public static class PlainText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return text.ToString().Trim();
    }

    public static IReadOnlyList<TextBlock> Blocks(IEnumerable<Block> blocks)
    {
        var result = new List<TextBlock>();
        foreach (var block in blocks)
        {
            Add(result, block);
        }

        return result;
    }

    /// <summary>Paragraph texts for MAML, where a list item reads "- item" and code stays as it is.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<Block> blocks) =>
        Blocks(blocks).Select(b => b.Kind == TextBlockKind.ListItem ? "- " + b.Text : b.Text).ToList();

    private static void Add(List<TextBlock> result, Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                result.Add(new TextBlock(TextBlockKind.Paragraph, Of(paragraph.Inline)));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    // An item's first paragraph is the item; anything nested after it stays beneath it.
                    var inner = Blocks(item);
                    if (inner.Count > 0)
                    {
                        result.Add(new TextBlock(TextBlockKind.ListItem, inner[0].Text));
                        result.AddRange(inner.Skip(1));
                    }
                }

                break;
            case FencedCodeBlock fenced:
                result.Add(new TextBlock(TextBlockKind.Code, fenced.Lines.ToString().TrimEnd()));
                break;
            case CodeBlock indented:
                result.Add(new TextBlock(TextBlockKind.Code, indented.Lines.ToString().TrimEnd()));
                break;
            case QuoteBlock quote:
                result.AddRange(Blocks(quote));
                break;
            case ContainerBlock container:
                result.AddRange(Blocks(container));
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                result.Add(new TextBlock(TextBlockKind.Paragraph, Of(leaf.Inline)));
                break;
        }
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(text, child);
                }

                break;
        }
    }
}
