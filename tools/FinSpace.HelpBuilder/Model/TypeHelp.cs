using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>An input or output type with what it means for this cmdlet.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);
