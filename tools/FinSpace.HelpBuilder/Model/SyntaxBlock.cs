using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>
/// One parameter set's usage line under SYNTAX. <see cref="SetName"/> is null when the page has a
/// single block without a heading (a cmdlet with one parameter set).
/// </summary>
public sealed record SyntaxBlock(string? SetName, bool IsDefault, string Text, IReadOnlyList<SyntaxElement> Elements);
