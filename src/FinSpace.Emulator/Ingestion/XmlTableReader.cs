using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// XML records: a root element (any name) whose child elements (any name) are rows, each holding one
/// child element per column, named as the column, its text the value:
/// <c>&lt;rows&gt;&lt;row&gt;&lt;ticker&gt;AMZN&lt;/ticker&gt;&lt;price&gt;1.5&lt;/price&gt;&lt;/row&gt;&lt;/rows&gt;</c>.
/// A missing column element or <c>xsi:nil="true"</c> is null; attributes are ignored; an element
/// nested inside a column is refused. DTDs are refused too (no entity expansion from a file).
/// </summary>
internal static class XmlTableReader
{
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    public static void Read(Stream content, TableBuilder.FileRows rows, string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(content, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.IsEmptyElement)
            {
                return;
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    throw IngestionException.Validation($"{file}: only row elements may stand inside the root element.");
                }

                rows.Record(ReadRow(reader, file));
            }
        }
        catch (XmlException e)
        {
            throw IngestionException.Validation($"{file} is not well-formed XML: {e.Message}");
        }
    }

    private static List<KeyValuePair<string, string?>> ReadRow(XmlReader reader, string file)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return values;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw IngestionException.Validation($"{file}: a row may hold only column elements (found {reader.NodeType}).");
            }

            var name = reader.LocalName;
            var isNil = reader.GetAttribute("nil", SchemaInstance) == "true";
            string? value;
            if (reader.IsEmptyElement)
            {
                value = isNil ? null : string.Empty;
                reader.Read();
            }
            else
            {
                try
                {
                    value = reader.ReadElementContentAsString();
                }
                catch (XmlException)
                {
                    throw IngestionException.Validation($"{file}: column '{name}' holds nested elements; only text values are supported.");
                }

                if (isNil)
                {
                    value = null;
                }
            }

            values.Add(new(name, value));
        }

        reader.Read();
        return values;
    }
}
