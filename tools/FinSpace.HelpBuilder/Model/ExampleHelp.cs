using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>An example: its title, the code to type, and what it does.</summary>
public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);
