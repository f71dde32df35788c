using System.Collections.Generic;
using System.IO;
using System.Linq;
using FinSpace.HelpBuilder.Model;
using FinSpace.HelpBuilder.Reading;
using FinSpace.PowerShell.Tests.Metadata;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>docs/help read once with the help builder's reader, exactly as the build reads it.</summary>
public sealed class HelpDocs
{
    public HelpDocs()
    {
        Folder = Path.Combine(TestPaths.RepositoryRoot, "docs", "help");
        Source = HelpSourceReader.ReadFolder(Folder);
    }

    public string Folder { get; }

    public HelpSource Source { get; }

    public IReadOnlyList<CommandHelp> Commands => Source.Commands;

    public CommandHelp? Page(string cmdlet) => Commands.FirstOrDefault(c => c.Name == cmdlet);
}
