namespace FinSpace.HelpBuilder.Model;

/// <summary>A block of prose as plain text: a paragraph, a list item, or code kept verbatim.</summary>
public sealed record TextBlock(TextBlockKind Kind, string Text);
