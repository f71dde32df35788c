using System;
using FinSpace.HelpBuilder.Model;
using FinSpace.HelpBuilder.Reading;
using Markdig.Syntax;

namespace FinSpace.PowerShell.Tests.Help;

/// <summary>The parts of the builder's reader the conformance tests rely on.</summary>
public sealed class HelpReaderTests
{
    [Fact]
    public void SyntaxParserReadsEveryFormOfAUsageLine()
    {
        var elements = SyntaxParser.Parse("New-FSThing", "New-FSThing [-Id] <String> [[-Kind] <String>] -Name <String[]> [-Size <Int32>] [-Force] [-WhatIf] [<CommonParameters>]");

        Assert.Equal(
            new[]
            {
                new SyntaxElement("Id", "String", IsMandatory: true, IsPositional: true),
                new SyntaxElement("Kind", "String", IsMandatory: false, IsPositional: true),
                new SyntaxElement("Name", "String[]", IsMandatory: true, IsPositional: false),
                new SyntaxElement("Size", "Int32", IsMandatory: false, IsPositional: false),
                new SyntaxElement("Force", null, IsMandatory: false, IsPositional: false),
                new SyntaxElement("WhatIf", null, IsMandatory: false, IsPositional: false),
            },
            elements);
    }

    [Theory]
    [InlineData("Get-FSOther [-Id <String>] [<CommonParameters>]", "must start with")]
    [InlineData("Get-FSThing [-Id <String>]", "must end with")]
    [InlineData("Get-FSThing [-Id <String> [<CommonParameters>]", "cannot read")]
    [InlineData("Get-FSThing [<CommonParameters>] [-Id <String>]", "must come last")]
    public void SyntaxParserRejectsWhatIsNotAUsageLineOfTheCommand(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => SyntaxParser.Parse("Get-FSThing", line));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void ParameterBlockReaderReadsEveryKey()
    {
        var block = Read("Type: String[]\nParameter Sets: ById, InputObject\nAliases: Id, Key\nAccepted values: A, B\n\nRequired: True\nPosition: 0\nDefault value: None\nAccept pipeline input: True (ByPropertyName, ByValue)\nAccept wildcard characters: False\n");

        Assert.Equal("String[]", block.TypeName);
        Assert.Equal(new[] { "ById", "InputObject" }, block.ParameterSets);
        Assert.Equal(new[] { "Id", "Key" }, block.Aliases);
        Assert.Equal(new[] { "A", "B" }, block.AcceptedValues);
        Assert.True(block.Required);
        Assert.Equal(0, block.Position);
        Assert.True(block.ByValue);
        Assert.True(block.ByPropertyName);
        Assert.False(block.AcceptsWildcards);
    }

    [Theory]
    [InlineData("Accept pipeline input: Sometimes", "'Accept pipeline input' must be")]
    [InlineData("Position: first", "'Position' must be Named or a number")]
    [InlineData("Required: yes", "'Required' must be True or False")]
    public void ParameterBlockReaderRejectsValuesGetHelpCouldNotShow(string line, string reason)
    {
        var yaml = "Type: String\nParameter Sets: (All)\nAliases:\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n";
        var key = line[..line.IndexOf(':')];
        var changed = System.Text.RegularExpressions.Regex.Replace(yaml, "^" + key + ":.*$", line, System.Text.RegularExpressions.RegexOptions.Multiline);

        var error = Assert.Throws<HelpFormatException>(() => Read(changed));

        Assert.Contains(reason, error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void ParameterBlockReaderNamesAMissingKey()
    {
        var error = Assert.Throws<HelpFormatException>(() => Read("Type: String\nParameter Sets: (All)\n"));
        Assert.Contains("lacks Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters", error.Message);
    }

    // The block sits on line 3 of its page, so an error must say line 3.
    private static ParameterAttributes Read(string yaml)
    {
        var source = new MarkdownSource("Test-Page.md", "### -Id\n\n```yaml\n" + yaml + "```\n");
        foreach (var block in source.Blocks)
        {
            if (block is FencedCodeBlock fenced)
            {
                return ParameterBlockReader.Read(source, fenced);
            }
        }

        throw new InvalidOperationException("no yaml block");
    }
}
