using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Serialization;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>
/// A markdown file parsed once, with what every reader needs: the front matter, the top-level blocks
/// split at headings, and errors that name the file and line.
/// </summary>
public sealed class MarkdownSource
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public MarkdownSource(string path, string text)
    {
        Path = path;
        Document = Markdown.Parse(text.Replace("\r\n", "\n"), Pipeline);
        var front = Document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        FrontMatter = front is null ? new Dictionary<string, string>() : ReadYaml(front, WithoutFences(front.Lines.ToString()));
        Blocks = Document.Where(b => b is not YamlFrontMatterBlock).ToList();
    }

    public string Path { get; }

    public MarkdownDocument Document { get; }

    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Splits <paramref name="blocks"/> at headings of <paramref name="level"/>; blocks before the first heading are dropped.</summary>
    public static IReadOnlyList<MarkdownSection> Sections(IEnumerable<Block> blocks, int level)
    {
        var sections = new List<MarkdownSection>();
        HeadingBlock? heading = null;
        var body = new List<Block>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && h.Level == level)
            {
                if (heading is not null)
                {
                    sections.Add(new MarkdownSection(heading, body));
                }

                heading = h;
                body = new List<Block>();
            }
            else if (heading is not null)
            {
                body.Add(block);
            }
        }

        if (heading is not null)
        {
            sections.Add(new MarkdownSection(heading, body));
        }

        return sections;
    }

    /// <summary>A YAML mapping of text values (empty values become empty strings).</summary>
    public Dictionary<string, string> ReadYaml(Block block, string yaml)
    {
        try
        {
            var map = Yaml.Deserialize<Dictionary<string, string?>>(yaml) ?? new Dictionary<string, string?>();
            return map.ToDictionary(p => p.Key, p => p.Value ?? string.Empty);
        }
        catch (YamlDotNet.Core.YamlException invalid)
        {
            throw Error(block, "invalid YAML: " + invalid.Message);
        }
    }

    private static string WithoutFences(string frontMatter) =>
        string.Join("\n", frontMatter.Split('\n').Where(line => line.Trim() != "---"));

    public HelpFormatException Error(Block? block, string message) => new HelpFormatException(Path, (block?.Line ?? 0) + 1, message);
}
