using System.Collections.Generic;
using System.Linq;
using System.Text;
using FinSpace.HelpBuilder.Model;

namespace FinSpace.HelpBuilder.Writing;

/// <summary>
/// Writes an about_ topic as the text Get-Help shows: section titles in capitals at the margin,
/// subsections indented by two, prose by four and wrapped at 80 columns, code by eight and never
/// wrapped. Get-Help takes the topic's synopsis from the line after SHORT DESCRIPTION.
/// </summary>
public static class AboutTextWriter
{
    public const int Width = 80;

    public static byte[] Write(AboutTopic topic)
    {
        var text = new StringBuilder();
        text.Append("TOPIC\n");
        text.Append("    ").Append(topic.Name).Append('\n');
        foreach (var section in topic.Sections)
        {
            text.Append('\n');
            text.Append(section.Level == 2 ? section.Title.ToUpperInvariant() : "  " + section.Title).Append('\n');
            TextBlock? previous = null;
            foreach (var block in section.Blocks)
            {
                // Items of one list stay together; every other pair of blocks gets a blank line between.
                if (previous is not null && !(previous.Kind == TextBlockKind.ListItem && block.Kind == TextBlockKind.ListItem))
                {
                    text.Append('\n');
                }

                switch (block.Kind)
                {
                    case TextBlockKind.Code:
                        foreach (var line in block.Text.Split('\n'))
                        {
                            text.Append(line.Length == 0 ? string.Empty : "        " + line).Append('\n');
                        }

                        break;
                    case TextBlockKind.ListItem:
                        Wrap(text, block.Text, "    - ", "      ");
                        break;
                    default:
                        Wrap(text, block.Text, "    ", "    ");
                        break;
                }

                previous = block;
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static void Wrap(StringBuilder text, string paragraph, string firstIndent, string indent)
    {
        foreach (var hardLine in paragraph.Split('\n'))
        {
            var line = new StringBuilder(firstIndent);
            var lineHasWord = false;
            foreach (var word in hardLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWord && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(indent);
                    lineHasWord = false;
                }

                line.Append(lineHasWord ? " " : string.Empty).Append(word);
                lineHasWord = true;
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
            firstIndent = indent;
        }
    }
}
