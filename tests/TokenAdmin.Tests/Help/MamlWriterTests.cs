using System.Linq;
using System.Xml.Linq;
using TokenAdmin.HelpBuilder.Maml;
using TokenAdmin.HelpBuilder.Model;
using Xunit;

namespace TokenAdmin.Tests.Help;

/// <summary>The MAML shape Get-Help reads, as PowerShell's and platyPS's help files have it.</summary>
public sealed class MamlWriterTests
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Dev = MamlWriter.Dev;

    private static readonly ParameterHelp Token = new("Token", "string[]", false, ["Tokens."], [], false, null, [], new ParameterBinding(true, 0, true, true));
    private static readonly ParameterHelp Force = new("Force", "SwitchParameter", true, ["Force."], ["f"], false, "False", [], ParameterBinding.Named);
    private static readonly ParameterHelp Service = new("Service", "TokenAdminService", false, [], [], true, null, ["Hdc", "Other"], ParameterBinding.Named);

    private static readonly CommandHelp Sample = new(
        "Remove-Thing", "Remove", "Thing", ["Removes things."], ["Removes things.", "Really."],
        [new SyntaxItem("__AllParameterSets", [Token, Force, Service])],
        [Force, Service, Token],
        [new TypeHelp("System.String", ["Bound to -Token."])],
        [new TypeHelp("None", ["Nothing."])],
        [new ExampleHelp("Example 1: Remove one", "Remove-Thing x", ["Removes x."])],
        [new LinkHelp("Get-Thing", null), new LinkHelp("Docs", "https://e.example/")]);

    private static XElement Element => MamlWriter.ToDocument([Sample]).Root!.Elements().Single();

    [Fact]
    public void Root_is_helpItems_with_one_command_element_per_cmdlet()
    {
        var root = MamlWriter.ToDocument([Sample, Sample with { Name = "Get-Thing" }]).Root!;
        Assert.Equal(MamlWriter.Msh + "helpItems", root.Name);
        Assert.Equal("maml", root.Attribute("schema")!.Value);
        Assert.Equal(2, root.Elements(Command + "command").Count());
    }

    [Fact]
    public void Command_sections_come_in_MAML_order() =>
        Assert.Equal(
            [Command + "details", Maml + "description", Command + "syntax", Command + "parameters", Command + "inputTypes", Command + "returnValues", Command + "examples", Command + "relatedLinks"],
            Element.Elements().Select(e => e.Name));

    [Fact]
    public void Details_hold_name_verb_noun_and_synopsis()
    {
        var details = Element.Element(Command + "details")!;
        Assert.Equal("Remove-Thing", details.Element(Command + "name")!.Value);
        Assert.Equal("Remove", details.Element(Command + "verb")!.Value);
        Assert.Equal("Thing", details.Element(Command + "noun")!.Value);
        Assert.Equal("Removes things.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        Assert.Equal(2, Element.Element(Maml + "description")!.Elements(Maml + "para").Count());
    }

    [Fact]
    public void Parameter_attributes_are_as_Get_Help_reads_them()
    {
        var token = Element.Element(Command + "parameters")!.Elements().Single(p => p.Element(Maml + "name")!.Value == "Token");
        Assert.Equal("true", token.Attribute("required")!.Value);
        Assert.Equal("0", token.Attribute("position")!.Value);
        Assert.Equal("True (ByValue, ByPropertyName)", token.Attribute("pipelineInput")!.Value);
        Assert.Equal("false", token.Attribute("globbing")!.Value);
        Assert.Equal("none", token.Attribute("aliases")!.Value);
        Assert.Equal("string[]", token.Element(Command + "parameterValue")!.Value);
        Assert.Equal("string[]", token.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Null(token.Element(Dev + "defaultValue")); // unknown: omitted, not "None"
        Assert.Equal("Tokens.", token.Element(Maml + "Description")!.Element(Maml + "para")!.Value);
    }

    [Fact]
    public void A_switch_has_no_value_in_syntax_but_a_non_required_one_in_parameters()
    {
        XElement ForceIn(XName section) => Element.Descendants(section).Single().Descendants(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");
        Assert.Null(ForceIn(Command + "syntax").Element(Command + "parameterValue"));
        Assert.Equal("false", ForceIn(Command + "parameters").Element(Command + "parameterValue")!.Attribute("required")!.Value);
        Assert.Equal("False", ForceIn(Command + "parameters").Element(Dev + "defaultValue")!.Value);
        Assert.Equal("f", ForceIn(Command + "parameters").Attribute("aliases")!.Value);
    }

    [Fact]
    public void Possible_values_form_a_parameterValueGroup_and_an_undocumented_parameter_an_empty_para()
    {
        var service = Element.Element(Command + "parameters")!.Elements().Single(p => p.Element(Maml + "name")!.Value == "Service");
        Assert.Equal(["Hdc", "Other"], service.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
        Assert.Equal(string.Empty, service.Element(Maml + "Description")!.Element(Maml + "para")!.Value);
        Assert.Equal("true", service.Attribute("globbing")!.Value);
    }

    [Fact]
    public void Examples_have_a_framed_title_code_and_remarks()
    {
        var example = Element.Element(Command + "examples")!.Element(Command + "example")!;
        Assert.Equal("-------------------------- Example 1: Remove one --------------------------", example.Element(Maml + "title")!.Value);
        Assert.Equal("Remove-Thing x", example.Element(Dev + "code")!.Value);
        Assert.Equal("Removes x.", example.Element(Dev + "remarks")!.Element(Maml + "para")!.Value);
    }

    [Fact]
    public void Inputs_outputs_and_links()
    {
        Assert.Equal("System.String", Element.Element(Command + "inputTypes")!.Element(Command + "inputType")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("None", Element.Element(Command + "returnValues")!.Element(Command + "returnValue")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        var links = Element.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();
        Assert.Equal(["Get-Thing", "Docs"], links.Select(l => l.Element(Maml + "linkText")!.Value));
        Assert.Equal(["", "https://e.example/"], links.Select(l => l.Element(Maml + "uri")!.Value));
    }
}
