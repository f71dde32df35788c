using System.Collections.Generic;
using System.IO;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using FinSpace.HelpBuilder.Reading;
using FinSpace.HelpBuilder.Writing;

namespace FinSpace.HelpBuilder;

/// <summary>Reads a help folder and writes the files Get-Help reads into a culture folder.</summary>
public static class HelpBuild
{
    /// <returns>The files written, in order.</returns>
    public static IReadOnlyList<string> Run(string sourceFolder, string outputFolder)
    {
        var source = HelpSourceReader.ReadFolder(sourceFolder);
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();

        // One MAML file per assembly the pages name; the module has one, FinSpace.PowerShell.dll.
        foreach (var file in source.Commands.GroupBy(c => c.FrontMatter[CommandHelp.ExternalHelpFileKey]).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            written.Add(WriteAll(Path.Combine(outputFolder, file.Key), MamlWriter.Write(file)));
        }

        foreach (var topic in source.AboutTopics)
        {
            written.Add(WriteAll(Path.Combine(outputFolder, topic.Name + ".help.txt"), AboutTextWriter.Write(topic)));
        }

        return written;
    }

    // Always written, even when unchanged, so the build's up-to-date check sees a newer output.
    private static string WriteAll(string path, byte[] content)
    {
        File.WriteAllBytes(path, content);
        return path;
    }
}
