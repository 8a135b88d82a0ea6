using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using TokenAdmin.HelpBuilder.Docs;
using TokenAdmin.HelpBuilder.Metadata;

namespace TokenAdmin.HelpBuilder.Model;

internal sealed partial class HelpModelBuilder
{
    private List<ExampleHelp> Examples(CmdletMetadata cmdlet)
    {
        var examples = _docs.Member(cmdlet.DocId)?.Elements("example").ToList() ?? [];
        if (examples.Count == 0)
        {
            _issues.Add(HelpIssue.MissingExample, cmdlet.DocId, cmdlet.Name, "the class has no <example> (Get-Help -Examples would show nothing).");
        }

        return examples.Select((example, index) => Example(cmdlet, example, index + 1)).ToList();
    }

    /// <summary>
    /// &lt;example title="..."&gt;&lt;code&gt;command lines&lt;/code&gt;&lt;para&gt;what it does&lt;/para&gt;&lt;/example&gt;;
    /// without a title attribute the title is the first sentence of the first paragraph.
    /// </summary>
    private ExampleHelp Example(CmdletMetadata cmdlet, XElement example, int number)
    {
        var code = string.Join("\n", example.Elements("code").Select(DocText.Code).Where(c => c.Length > 0));
        var remarks = _text.Paragraphs(example, skip: e => e.Name.LocalName == "code");
        if (code.Length == 0)
        {
            _issues.Add(HelpIssue.ExampleWithoutCode, cmdlet.DocId, cmdlet.Name, "an <example> has no <code> with the command lines.");
        }

        if (remarks.Count == 0)
        {
            _issues.Add(HelpIssue.ExampleWithoutText, cmdlet.DocId, cmdlet.Name, "an <example> has no <para> saying what it does.");
        }

        var title = example.Attribute("title")?.Value.Trim() is { Length: > 0 } given ? given
            : remarks.Count > 0 ? DocText.FirstSentence(remarks[0])
            : null;
        return new ExampleHelp(title is null ? $"Example {number}" : $"Example {number}: {title}", code, remarks);
    }

    /// <summary>The class's &lt;seealso&gt; links; without any, the other cmdlets of the noun family.</summary>
    private List<LinkHelp> RelatedLinks(CmdletMetadata cmdlet)
    {
        var links = (_docs.Member(cmdlet.DocId)?.Elements("seealso") ?? []).Select(SeeAlso).OfType<LinkHelp>().ToList();
        return links.Count > 0 ? links : NounFamily(cmdlet);
    }

    private LinkHelp? SeeAlso(XElement seeAlso)
    {
        if (seeAlso.Attribute("href")?.Value is { Length: > 0 } href)
        {
            return new LinkHelp(_text.Inline(seeAlso) is { Length: > 0 } text ? text : href, href);
        }

        return _text.Reference(seeAlso) is { Length: > 0 } name ? new LinkHelp(name, null) : null;
    }

    /// <summary>
    /// Cmdlets whose noun equals, extends or is extended by this one's: AuthToken relates to
    /// AuthTokenContext and AuthTokenService; TokenAdmin to TokenAdminConnection. Same noun first.
    /// </summary>
    private List<LinkHelp> NounFamily(CmdletMetadata cmdlet) =>
        _cmdlets
            .Where(c => c.Name != cmdlet.Name
                && (c.Noun.StartsWith(cmdlet.Noun, StringComparison.OrdinalIgnoreCase) || cmdlet.Noun.StartsWith(c.Noun, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => string.Equals(c.Noun, cmdlet.Noun, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new LinkHelp(c.Name, null))
            .ToList();
}
