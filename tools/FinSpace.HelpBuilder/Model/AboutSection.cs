using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>A heading of an about_ topic (level 2 or 3) and the text blocks under it.</summary>
public sealed record AboutSection(int Level, string Title, IReadOnlyList<TextBlock> Blocks);
