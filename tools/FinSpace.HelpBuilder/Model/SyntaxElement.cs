namespace FinSpace.HelpBuilder.Model;

/// <summary>
/// One parameter in a usage line: <c>[-Name] &lt;T&gt;</c> is positional and mandatory,
/// <c>[[-Name] &lt;T&gt;]</c> positional and optional, <c>-Name &lt;T&gt;</c> named and mandatory,
/// <c>[-Name &lt;T&gt;]</c> named and optional, <c>[-Name]</c> a switch.
/// </summary>
public sealed record SyntaxElement(string Name, string? TypeName, bool IsMandatory, bool IsPositional)
{
    public bool IsSwitch => TypeName is null;
}
