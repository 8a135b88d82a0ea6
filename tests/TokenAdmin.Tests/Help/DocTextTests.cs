using System.Xml.Linq;
using TokenAdmin.HelpBuilder.Docs;
using Xunit;

namespace TokenAdmin.Tests.Help;

public sealed class DocTextTests
{
    private static readonly DocText Text = new(cref => cref == "T:Ns.GetThingCommand" ? "Get-Thing" : null);

    [Fact]
    public void Prose_is_reflowed_and_para_code_and_list_become_paragraphs()
    {
        var summary = XElement.Parse("""
            <summary>
              First line
              continues here.
              <para>Second.</para>
              <code>
                Get-Thing |
                  Remove-Thing
              </code>
              <list type="bullet"><item><term>A</term><description>first</description></item><item><description>second</description></item></list>
              Tail.
            </summary>
            """);
        Assert.Equal(["First line continues here.", "Second.", "Get-Thing |\n  Remove-Thing", "- A: first", "- second", "Tail."], Text.Paragraphs(summary));
    }

    [Theory]
    [InlineData("""<x>Use <see cref="T:Ns.GetThingCommand"/>.</x>""", "Use Get-Thing.")]
    [InlineData("""<x>See <see cref="M:Ns.Type.Method(System.String)"/>.</x>""", "See Method.")]
    [InlineData("""<x>See <see cref="T:Ns.Generic`1"/>.</x>""", "See Generic.")]
    [InlineData("""<x>See <see cref="T:Ns.GetThingCommand">the getter</see>.</x>""", "See the getter.")]
    [InlineData("""<x>Returns <see langword="null"/> or <see langword="true"/>.</x>""", "Returns $null or $true.")]
    [InlineData("""<x><see href="https://e.example/"/></x>""", "https://e.example/")]
    [InlineData("""<x><c>-Force</c> and <paramref name="value"/></x>""", "-Force and value")]
    public void Inline_markup_reads_as_text(string xml, string expected) =>
        Assert.Equal(expected, Text.Inline(XElement.Parse(xml)));

    [Fact]
    public void Code_measures_a_first_line_that_follows_the_tag_from_the_tag()
    {
        // As the compiler writes a two-line <code> into the documentation file.
        var example = XElement.Parse("<example>\n            <code>$a = 1\n            $a |\n                Write-Output</code>\n</example>", LoadOptions.PreserveWhitespace);
        Assert.Equal("$a = 1\n$a |\n    Write-Output", DocText.Code(example.Element("code")!));
    }

    [Fact]
    public void Dedent_removes_common_indentation_and_blank_edges() =>
        Assert.Equal("a\n\n  b", DocText.Dedent("\n    a\n\n      b   \n   \n"));

    [Theory]
    [InlineData("Gets items. Then more.", "Gets items")]
    [InlineData("Uses v1.5 of the API.", "Uses v1.5 of the API")]
    [InlineData("No full stop", "No full stop")]
    public void First_sentence_stops_at_the_first_sentence_end(string paragraph, string expected) =>
        Assert.Equal(expected, DocText.FirstSentence(paragraph));

    [Fact]
    public void Nothing_documented_is_no_paragraphs() => Assert.Empty(Text.Paragraphs(null));
}
