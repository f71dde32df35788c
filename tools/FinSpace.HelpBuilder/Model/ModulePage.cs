using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>The module page (FinSpace.md): the module's description and one line per cmdlet.</summary>
public sealed record ModulePage(string ModuleName, string? ModuleGuid, string SourcePath, IReadOnlyList<string> Description, IReadOnlyList<ModulePageEntry> Cmdlets);
