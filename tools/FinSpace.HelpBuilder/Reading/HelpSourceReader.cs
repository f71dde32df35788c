using System.Collections.Generic;
using System.IO;
using System.Linq;
using FinSpace.HelpBuilder.Model;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>Reads every page of a help folder, telling the kinds apart by their front matter and name.</summary>
public static class HelpSourceReader
{
    public static HelpSource ReadFolder(string folder)
    {
        var commands = new List<CommandHelp>();
        var abouts = new List<AboutTopic>();
        ModulePage? modulePage = null;
        // Ordinal order makes the output independent of the file system's listing order.
        foreach (var path in Directory.GetFiles(folder, "*.md").OrderBy(p => Path.GetFileName(p), System.StringComparer.Ordinal))
        {
            var source = new MarkdownSource(path, File.ReadAllText(path));
            if (Path.GetFileName(path).StartsWith("about_", System.StringComparison.Ordinal))
            {
                abouts.Add(AboutTopicReader.Read(source));
            }
            else if (source.FrontMatter.ContainsKey(CommandHelp.ExternalHelpFileKey))
            {
                var command = CommandHelpReader.Read(source);
                if (Path.GetFileNameWithoutExtension(path) != command.Name)
                {
                    throw new HelpFormatException(path, 1, $"the page of {command.Name} must be named {command.Name}.md");
                }

                commands.Add(command);
            }
            else if (source.FrontMatter.ContainsKey(ModulePageReader.ModuleGuidKey))
            {
                modulePage = ModulePageReader.Read(source);
            }
            else
            {
                throw new HelpFormatException(path, 1, $"not a help page: the front matter names neither '{CommandHelp.ExternalHelpFileKey}' nor '{ModulePageReader.ModuleGuidKey}'");
            }
        }

        return new HelpSource(commands, abouts, modulePage);
    }
}
