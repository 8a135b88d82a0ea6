using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace TokenAdmin.HelpBuilder.Docs;

/// <summary>The &lt;member&gt; elements of one or more compiler-written XML documentation files, by doc id.</summary>
internal sealed class XmlDocumentation
{
    private readonly Dictionary<string, XElement> _members;

    private XmlDocumentation(IEnumerable<XDocument> documents)
    {
        _members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var member in documents.SelectMany(d => d.Descendants("member")))
        {
            if (member.Attribute("name")?.Value is { } id)
            {
                _members[id] = member;
            }
        }
    }

    public static XmlDocumentation Load(IEnumerable<string> paths) =>
        new(paths.Select(p => XDocument.Load(p, LoadOptions.PreserveWhitespace)));

    public static XmlDocumentation Parse(string xml) =>
        new([XDocument.Parse(xml, LoadOptions.PreserveWhitespace)]);

    /// <summary>The &lt;member&gt; for a doc id ("T:Ns.Type", "P:Ns.Type.Property"), if documented at all.</summary>
    public XElement? Member(string docId) => _members.GetValueOrDefault(docId);

    /// <summary>The first child element of a member, e.g. its &lt;summary&gt;.</summary>
    public XElement? Element(string docId, string name) => Member(docId)?.Element(name);
}
