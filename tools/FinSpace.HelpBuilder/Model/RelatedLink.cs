namespace FinSpace.HelpBuilder.Model;

/// <summary>A related link; <see cref="Uri"/> is empty for a page of this module (Get-Help shows its name).</summary>
public sealed record RelatedLink(string Text, string Uri);
