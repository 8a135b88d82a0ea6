using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace TokenAdmin.Core.Redaction;

/// <summary>
/// Rewrites an XML body keeping its shape: an attribute or an element's text is shown only when
/// its (or its element's) local name is allow-listed. Namespace declarations are kept. DTDs are refused.
/// </summary>
internal static class XmlBodyRedactor
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    public static string Redact(string xml, Redactor redactor)
    {
        try
        {
            using var stringReader = new System.IO.StringReader(xml);
            using var reader = XmlReader.Create(stringReader, ReaderSettings);
            var document = XDocument.Load(reader);
            if (document.Root is { } root)
            {
                Redact(root, redactor);
            }

            return document.Root?.ToString(SaveOptions.DisableFormatting) ?? string.Empty;
        }
        catch (XmlException)
        {
            return $"({xml.Length} characters of malformed XML, not shown)";
        }
    }

    private static void Redact(XElement element, Redactor redactor)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            attribute.Value = redactor.FieldValue(attribute.Name.LocalName, attribute.Value);
        }

        foreach (var node in element.Nodes().ToList())
        {
            switch (node)
            {
                case XElement child:
                    Redact(child, redactor);
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value): // also CDATA
                    text.Value = redactor.FieldValue(element.Name.LocalName, text.Value);
                    break;
            }
        }
    }
}
