using System;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace TokenAdmin.Core.Wire;

/// <summary>
/// Reading XML the way services actually send it: a value as an attribute or a child element, in
/// any namespace, names in any case; empty bodies allowed. DTDs are refused (no entity expansion).
/// </summary>
public static class TolerantXml
{
    /// <summary>The root element, or null for an empty body; FormatException("not XML") otherwise.</summary>
    public static XElement? Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new System.IO.StringReader(xml), settings);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            throw new FormatException("not XML");
        }
    }

    /// <summary>Whether the element's local name is <paramref name="name"/> (any case, any namespace).</summary>
    public static bool Is(XElement element, string name) =>
        string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value named <paramref name="name"/>: an attribute, else a child element's text; trimmed, null when absent or empty.</summary>
    public static string? Value(XElement element, string name)
    {
        var attribute = element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));
        var text = attribute?.Value ?? element.Elements().FirstOrDefault(e => Is(e, name))?.Value;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The element itself or its first descendant named <paramref name="name"/> (a response may be wrapped).</summary>
    public static XElement? Find(XElement root, string name) =>
        Is(root, name) ? root : root.Descendants().FirstOrDefault(e => Is(e, name));

    /// <summary>An ISO 8601 date with or without offset (UTC assumed); null when absent or unreadable.</summary>
    public static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
