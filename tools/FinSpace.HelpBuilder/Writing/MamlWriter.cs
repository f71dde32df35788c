using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using FinSpace.HelpBuilder.Model;

namespace FinSpace.HelpBuilder.Writing;

/// <summary>
/// Writes MAML command help, the external help format Get-Help reads for a binary module
/// (&lt;assembly&gt;-Help.xml beside the assembly, in a culture folder), laid out as platyPS writes it.
/// </summary>
public static class MamlWriter
{
    public const string MshNamespace = "http://msh";
    public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
    public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const string MSHelpNamespace = "http://msdn.microsoft.com/mshelp";

    /// <summary>The file as bytes: UTF-8 without a byte order mark, "\n" line ends, same input same bytes.</summary>
    public static byte[] Write(IEnumerable<CommandHelp> commands)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", MshNamespace);
            xml.WriteAttributeString("schema", "maml");
            foreach (var command in commands.OrderBy(c => c.Name, System.StringComparer.Ordinal))
            {
                WriteCommand(xml, command);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteCommand(XmlWriter xml, CommandHelp command)
    {
        xml.WriteStartElement("command", "command", CommandNamespace);
        xml.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
        xml.WriteAttributeString("xmlns", "command", null, CommandNamespace);
        xml.WriteAttributeString("xmlns", "dev", null, DevNamespace);
        xml.WriteAttributeString("xmlns", "MSHelp", null, MSHelpNamespace);

        xml.WriteStartElement("command", "details", CommandNamespace);
        xml.WriteElementString("command", "name", CommandNamespace, command.Name);
        xml.WriteElementString("command", "verb", CommandNamespace, command.Verb);
        xml.WriteElementString("command", "noun", CommandNamespace, command.Noun);
        WriteDescription(xml, new[] { command.Synopsis });
        xml.WriteEndElement();

        WriteDescription(xml, command.Description);
        WriteSyntax(xml, command);

        xml.WriteStartElement("command", "parameters", CommandNamespace);
        foreach (var parameter in command.Parameters)
        {
            WriteParameter(xml, parameter, parameter.Blocks[0], inSyntax: false);
        }

        xml.WriteEndElement();

        WriteTypes(xml, "inputTypes", "inputType", command.Inputs);
        WriteTypes(xml, "returnValues", "returnValue", command.Outputs);

        xml.WriteStartElement("maml", "alertSet", MamlNamespace);
        xml.WriteStartElement("maml", "alert", MamlNamespace);
        WriteParagraphs(xml, command.Notes);
        xml.WriteEndElement();
        xml.WriteEndElement();

        WriteExamples(xml, command.Examples);
        WriteLinks(xml, command);
        xml.WriteEndElement();
    }

    private static void WriteSyntax(XmlWriter xml, CommandHelp command)
    {
        xml.WriteStartElement("command", "syntax", CommandNamespace);
        foreach (var block in command.Syntax)
        {
            xml.WriteStartElement("command", "syntaxItem", CommandNamespace);
            xml.WriteElementString("maml", "name", MamlNamespace, command.Name);
            foreach (var element in block.Elements)
            {
                // The page's tests guarantee a block per set; a page still being written may lack one.
                var parameter = command.Parameter(element.Name);
                var attributes = parameter?.Blocks.FirstOrDefault(b => block.SetName is null || b.AppliesTo(block.SetName)) ?? parameter?.Blocks[0];
                if (parameter is not null && attributes is not null)
                {
                    WriteParameter(xml, parameter, attributes, inSyntax: true);
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter xml, ParameterHelp parameter, ParameterAttributes attributes, bool inSyntax)
    {
        xml.WriteStartElement("command", "parameter", CommandNamespace);
        xml.WriteAttributeString("required", Bool(attributes.Required));
        xml.WriteAttributeString("variableLength", "true");
        xml.WriteAttributeString("globbing", Bool(attributes.AcceptsWildcards));
        xml.WriteAttributeString("pipelineInput", attributes.PipelineInputText);
        xml.WriteAttributeString("position", attributes.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
        xml.WriteAttributeString("aliases", attributes.Aliases.Count == 0 ? "none" : string.Join(", ", attributes.Aliases));
        xml.WriteElementString("maml", "name", MamlNamespace, parameter.Name);
        // Get-Help reads a parameter's description from command:parameters only; repeating it in
        // every usage line would double the file for nothing.
        if (!inSyntax)
        {
            WriteDescription(xml, parameter.Description);
        }

        // Get-Help shows "{A | B}" in the usage line from a value group, and "<T>" from a value.
        if (inSyntax && attributes.AcceptedValues.Count > 0)
        {
            xml.WriteStartElement("command", "parameterValueGroup", CommandNamespace);
            foreach (var value in attributes.AcceptedValues)
            {
                xml.WriteStartElement("command", "parameterValue", CommandNamespace);
                xml.WriteAttributeString("required", "false");
                xml.WriteAttributeString("command", "variableLength", CommandNamespace, "false");
                xml.WriteString(value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (!(inSyntax && attributes.IsSwitch))
        {
            xml.WriteStartElement("command", "parameterValue", CommandNamespace);
            xml.WriteAttributeString("required", Bool(!attributes.IsSwitch));
            xml.WriteAttributeString("variableLength", "false");
            xml.WriteString(attributes.TypeName);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("dev", "type", DevNamespace);
        xml.WriteElementString("maml", "name", MamlNamespace, attributes.TypeName);
        xml.WriteElementString("maml", "uri", MamlNamespace, string.Empty);
        xml.WriteEndElement();
        xml.WriteElementString("dev", "defaultValue", DevNamespace, attributes.DefaultValue);
        xml.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter xml, string listElement, string itemElement, IReadOnlyList<TypeHelp> types)
    {
        xml.WriteStartElement("command", listElement, CommandNamespace);
        foreach (var type in types)
        {
            xml.WriteStartElement("command", itemElement, CommandNamespace);
            xml.WriteStartElement("dev", "type", DevNamespace);
            xml.WriteElementString("maml", "name", MamlNamespace, type.TypeName);
            xml.WriteEndElement();
            WriteDescription(xml, type.Description);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteExamples(XmlWriter xml, IReadOnlyList<ExampleHelp> examples)
    {
        xml.WriteStartElement("command", "examples", CommandNamespace);
        foreach (var example in examples)
        {
            xml.WriteStartElement("command", "example", CommandNamespace);
            // Get-Help prints the title as it is; the dashes are how every built-in example looks.
            xml.WriteElementString("maml", "title", MamlNamespace, $"-------------------------- {example.Title} --------------------------");
            xml.WriteElementString("dev", "code", DevNamespace, example.Code);
            xml.WriteStartElement("dev", "remarks", DevNamespace);
            WriteParagraphs(xml, example.Remarks);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLinks(XmlWriter xml, CommandHelp command)
    {
        xml.WriteStartElement("command", "relatedLinks", CommandNamespace);
        // Get-Help -Online opens the first link with an address: the page's online version.
        var links = command.OnlineVersion is { } online
            ? command.RelatedLinks.Prepend(new RelatedLink("Online Version:", online))
            : command.RelatedLinks;
        foreach (var link in links)
        {
            xml.WriteStartElement("maml", "navigationLink", MamlNamespace);
            xml.WriteElementString("maml", "linkText", MamlNamespace, link.Text);
            xml.WriteElementString("maml", "uri", MamlNamespace, link.Uri);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteDescription(XmlWriter xml, IEnumerable<string> paragraphs)
    {
        xml.WriteStartElement("maml", "description", MamlNamespace);
        WriteParagraphs(xml, paragraphs);
        xml.WriteEndElement();
    }

    private static void WriteParagraphs(XmlWriter xml, IEnumerable<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            xml.WriteElementString("maml", "para", MamlNamespace, paragraph);
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
