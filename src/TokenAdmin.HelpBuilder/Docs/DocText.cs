using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TokenAdmin.HelpBuilder.Docs;

/// <summary>
/// Turns doc-comment XML into the plain paragraphs Get-Help prints. Source lines are wrapped for
/// the editor, so prose is re-flowed; code keeps its lines. References read as a PowerShell user
/// knows them: a cmdlet class as its name (Get-AuthToken), a parameter property as -Name.
/// </summary>
internal sealed partial class DocText(Func<string, string?> resolveCref)
{
    /// <summary>Paragraphs of a &lt;summary&gt;, &lt;remarks&gt;, &lt;para&gt;... (none for null).</summary>
    public IReadOnlyList<string> Paragraphs(XElement? element, Func<XElement, bool>? skip = null)
    {
        var paragraphs = new List<string>();
        if (element is null)
        {
            return paragraphs;
        }

        var current = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            if (node is XElement child && skip?.Invoke(child) == true)
            {
                continue;
            }

            switch (node)
            {
                case XElement { Name.LocalName: "para" } para:
                    Flush(current, paragraphs);
                    paragraphs.AddRange(Paragraphs(para, skip));
                    break;
                case XElement { Name.LocalName: "code" } code:
                    Flush(current, paragraphs);
                    paragraphs.Add(Code(code));
                    break;
                case XElement { Name.LocalName: "list" } list:
                    Flush(current, paragraphs);
                    paragraphs.AddRange(list.Elements("item").Select(ListItem));
                    break;
                default:
                    current.Append(Inline(node));
                    break;
            }
        }

        Flush(current, paragraphs);
        return paragraphs;
    }

    /// <summary>One line of text: inline markup resolved, whitespace collapsed.</summary>
    public string Inline(XElement? element) => element is null ? string.Empty : Collapse(string.Concat(element.Nodes().Select(Inline)));

    /// <summary>What a &lt;see&gt; or &lt;seealso&gt; reads as: its text, else the name of what it points to.</summary>
    public string Reference(XElement see)
    {
        var text = Collapse(string.Concat(see.Nodes().Select(Inline)));
        if (see.Attribute("langword")?.Value is { } word)
        {
            return word is "null" or "true" or "false" ? "$" + word : word; // PowerShell spells them $null, $true
        }

        if (see.Attribute("href")?.Value is { } href)
        {
            return text.Length == 0 || text == href ? href : $"{text} ({href})";
        }

        if (text.Length > 0)
        {
            return text;
        }

        return see.Attribute("cref")?.Value is { } cref ? resolveCref(cref) ?? ShortName(cref) : string.Empty;
    }

    /// <summary>
    /// A &lt;code&gt; element's lines as written. In the compiler's XML documentation file the first
    /// line follows the tag while later lines carry the file's indentation too; the first line is
    /// therefore measured from where the tag stands, so every line loses the same indentation.
    /// </summary>
    public static string Code(XElement code)
    {
        var text = code.Value;
        if (!text.StartsWith('\n') && !text.StartsWith('\r') && code.PreviousNode is XText before)
        {
            var tagLine = before.Value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[^1];
            if (tagLine.Length > 0 && tagLine.Trim().Length == 0)
            {
                text = tagLine + text;
            }
        }

        return Dedent(text);
    }

    /// <summary>A code block as written, less the indentation the comment gave every line.</summary>
    public static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    /// <summary>Up to the first full stop that ends a sentence, without it.</summary>
    public static string FirstSentence(string paragraph)
    {
        var end = SentenceEnd().Match(paragraph);
        return end.Success ? paragraph[..end.Index] : paragraph;
    }

    /// <summary>"M:Ns.Type.Method(System.String)" reads as "Method"; "T:Ns.Generic`1" as "Generic".</summary>
    public static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        name = name.Split('(')[0];
        name = name[(name.LastIndexOf('.') + 1)..];
        return name.Split('`')[0];
    }

    private string Inline(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see => Reference(see),
        XElement { Name.LocalName: "paramref" or "typeparamref" } name => name.Attribute("name")?.Value ?? string.Empty,
        XElement { Name.LocalName: "br" } => " ",
        XElement other => string.Concat(other.Nodes().Select(Inline)), // <c>, <b>, <i>...: keep the words
        _ => string.Empty,
    };

    private string ListItem(XElement item)
    {
        var term = Inline(item.Element("term"));
        var description = Inline(item.Element("description") ?? item);
        return term.Length == 0 ? $"- {description}" : $"- {term}: {description}";
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var text = Collapse(current.ToString());
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }

        current.Clear();
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\.(?=\s|$)")]
    private static partial Regex SentenceEnd();
}
