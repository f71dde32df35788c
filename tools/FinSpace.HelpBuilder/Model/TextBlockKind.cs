namespace FinSpace.HelpBuilder.Model;

public enum TextBlockKind
{
    Paragraph,
    ListItem,
    Code,
}
