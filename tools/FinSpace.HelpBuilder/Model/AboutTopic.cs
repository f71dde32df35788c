using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>A conceptual about_ topic: its name and its sections in order.</summary>
public sealed record AboutTopic(string Name, string SourcePath, IReadOnlyList<AboutSection> Sections);
