namespace FinSpace.HelpBuilder.Model;

/// <summary>A cmdlet as the module page lists it, with its one-line description.</summary>
public sealed record ModulePageEntry(string Name, string Link, string Description);
