using System.Linq;
using TokenAdmin.HelpBuilder.Model;
using Xunit;

namespace TokenAdmin.Tests.Help;

/// <summary>The generator on the fixture cmdlets: attributes and doc comments to the help model.</summary>
public sealed class HelpGeneratorTests(HelpFixture fixture) : IClassFixture<HelpFixture>
{
    private const string Ns = "TokenAdmin.Tests.Help.Fixtures";

    private CommandHelp Get => fixture.Command("Get-HelpFixture");

    private CommandHelp Remove => fixture.Command("Remove-HelpFixture");

    private ParameterHelp GetParameter(string name) => Get.Parameters.Single(p => p.Name == name);

    [Fact]
    public void Only_public_concrete_cmdlet_classes_get_help() =>
        Assert.Equal(
            ["Get-HelpFixture", "Remove-HelpFixture", "Set-HelpFixtureUndocumented"],
            fixture.Model.Commands.Where(c => c.Noun.StartsWith("HelpFixture", System.StringComparison.Ordinal)).Select(c => c.Name));

    [Fact]
    public void Name_verb_and_noun_come_from_the_Cmdlet_attribute()
    {
        Assert.Equal("Get", Get.Verb);
        Assert.Equal("HelpFixture", Get.Noun);
    }

    [Fact]
    public void Synopsis_is_the_summary_reflowed_and_description_the_remarks()
    {
        Assert.Equal(["Gets fixture items by name or id."], Get.Synopsis);
        Assert.Equal(2, Get.Description.Count);
        Assert.Equal(Remove.Synopsis, Remove.Description); // no <remarks>: the summary again
    }

    [Fact]
    public void References_read_as_PowerShell_users_know_them()
    {
        var text = Get.Description[0];
        Assert.Contains("Reads FixtureItem objects.", text);
        Assert.Contains("Pipe them to Remove-HelpFixture;", text);
        Assert.Contains("-Name takes wildcards, $null means all, and -Force skips the cache.", text);
        Assert.Equal("See the fixture guide (https://example.com/fixture).", Get.Description[1]);
    }

    [Fact]
    public void One_syntax_item_per_parameter_set_default_set_first_in_PowerShell_order()
    {
        Assert.Equal(["ByName", "ById"], Get.Syntax.Select(s => s.ParameterSetName));
        Assert.Equal(["Name", "Color", "Level", "Limit", "TimeoutSec", "Force", "Target"], Get.Syntax[0].Parameters.Select(p => p.Name));
        Assert.Equal(["Id", "Color", "Level", "Limit", "TimeoutSec", "Force", "Target"], Get.Syntax[1].Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Syntax_items_carry_each_sets_own_binding()
    {
        Assert.False(Get.Syntax[0].Parameters.Single(p => p.Name == "Color").Binding.Required);
        Assert.True(Get.Syntax[1].Parameters.Single(p => p.Name == "Color").Binding.Required);
        Assert.Equal("0", Get.Syntax[1].Parameters[0].Binding.PositionText);
    }

    [Fact]
    public void A_default_set_that_no_parameter_names_holds_the_all_sets_parameters()
    {
        Assert.Equal(["Everything", "One"], Remove.Syntax.Select(s => s.ParameterSetName));
        Assert.Equal(["Target", "WhatIf", "Confirm"], Remove.Syntax[0].Parameters.Select(p => p.Name));
        Assert.Equal(["Name", "Target", "WhatIf", "Confirm"], Remove.Syntax[1].Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Without_parameter_sets_there_is_one_syntax_item() =>
        Assert.Equal(["Value"], fixture.Command("Set-HelpFixtureUndocumented").Syntax.Single().Parameters.Select(p => p.Name));

    [Fact]
    public void Parameters_section_lists_each_parameter_once_alphabetically_without_hidden_or_plain_properties() =>
        Assert.Equal(["Color", "Force", "Id", "Level", "Limit", "Name", "Target", "TimeoutSec"], Get.Parameters.Select(p => p.Name));

    [Fact]
    public void Required_position_and_pipeline_input_follow_the_Parameter_attributes()
    {
        var name = GetParameter("Name");
        Assert.True(name.Binding.Required);
        Assert.Equal("0", name.Binding.PositionText);
        Assert.Equal("True (ByValue)", name.Binding.PipelineInputText);
        Assert.Equal("True (ByPropertyName)", GetParameter("Id").Binding.PipelineInputText);
        Assert.Equal("named", GetParameter("Force").Binding.PositionText);
        Assert.Equal("False", GetParameter("Force").Binding.PipelineInputText);
        Assert.False(GetParameter("Color").Binding.Required); // mandatory in ById only
    }

    [Fact]
    public void Parameters_inherited_from_a_generic_base_have_the_closed_type_and_the_bases_docs()
    {
        var target = GetParameter("Target");
        Assert.Equal("FixtureItem", target.TypeName);
        Assert.Equal(["The item to act on."], target.Description);
        Assert.Equal("True (ByPropertyName)", target.Binding.PipelineInputText);
    }

    [Theory]
    [InlineData("Name", "string[]")]
    [InlineData("Id", "long")]
    [InlineData("TimeoutSec", "int")]
    [InlineData("Force", "SwitchParameter")]
    [InlineData("Color", "FixtureColor")]
    public void Types_use_PowerShell_friendly_names(string parameter, string type) =>
        Assert.Equal(type, GetParameter(parameter).TypeName);

    [Fact]
    public void Aliases_wildcards_and_possible_values_are_read()
    {
        Assert.Equal(["ItemName", "N"], GetParameter("Name").Aliases);
        Assert.True(GetParameter("Name").Globbing);
        Assert.False(GetParameter("Id").Globbing);
        Assert.Equal(["Red", "Green"], GetParameter("Color").PossibleValues);
        Assert.Equal(["Low", "High"], GetParameter("Level").PossibleValues);
    }

    [Theory]
    [InlineData("Limit", "10")]
    [InlineData("TimeoutSec", "30 seconds")]
    [InlineData("Force", "False")]
    [InlineData("Name", null)]
    public void Default_values_come_from_value_or_a_Default_sentence(string parameter, string? expected) =>
        Assert.Equal(expected, GetParameter(parameter).DefaultValue);

    [Fact]
    public void SupportsShouldProcess_adds_WhatIf_and_Confirm()
    {
        var whatIf = Remove.Parameters.Single(p => p.Name == "WhatIf");
        Assert.True(whatIf.IsSwitch);
        Assert.Equal(["wi"], whatIf.Aliases);
        Assert.Equal(["cf"], Remove.Parameters.Single(p => p.Name == "Confirm").Aliases);
        Assert.DoesNotContain(Get.Parameters, p => p.Name is "WhatIf" or "Confirm");
    }

    [Fact]
    public void Inputs_are_the_ValueFromPipeline_types_and_objects_binding_by_property_name()
    {
        Assert.Equal(["System.String", "System.Management.Automation.PSObject"], Get.Inputs.Select(i => i.TypeName));
        Assert.Equal(["Piped objects of this type bind to -Name."], Get.Inputs[0].Description);
        Assert.Contains("Id or Target", Get.Inputs[1].Description.Single());
    }

    [Fact]
    public void Outputs_are_the_OutputType_types_described_by_their_summary()
    {
        Assert.Equal($"{Ns}.FixtureItem", Get.Outputs.Single().TypeName);
        Assert.Equal(["An item of the fixture."], Get.Outputs.Single().Description);
        Assert.Equal("None", Remove.Outputs.Single().TypeName); // [OutputType(typeof(void))]
    }

    [Fact]
    public void Examples_are_titled_by_title_attribute_or_first_sentence_with_code_dedented()
    {
        Assert.Equal("Example 1: Get items by name", Get.Examples[0].Title);
        Assert.Equal("Get-HelpFixture -Name 'a*'\n    | Select-Object -First 2", Get.Examples[0].Code);
        Assert.Equal("Example 2: Gets item 5 in red", Get.Examples[1].Title);
        Assert.Equal(["Gets item 5 in red. The color is required with -Id.", "A second paragraph."], Get.Examples[1].Remarks);
    }

    [Fact]
    public void Related_links_come_from_seealso()
    {
        Assert.Equal(new LinkHelp("Remove-HelpFixture", null), Get.RelatedLinks[0]);
        Assert.Equal(new LinkHelp("Fixture guide", "https://example.com/fixture"), Get.RelatedLinks[1]);
    }

    [Fact]
    public void Without_seealso_related_links_are_the_noun_family() =>
        Assert.Equal(["Get-HelpFixture", "Set-HelpFixtureUndocumented"], Remove.RelatedLinks.Select(l => l.Text));

    [Fact]
    public void Missing_docs_are_reported_once_per_comment_to_write()
    {
        var issues = fixture.Model.Issues.Where(i => i.Member.StartsWith(Ns, System.StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                (HelpIssue.ExampleWithoutCode, $"{Ns}.RemoveHelpFixtureCommand"),
                (HelpIssue.MissingSummary, $"{Ns}.SetHelpFixtureUndocumentedCommand"),
                (HelpIssue.MissingParameterSummary, $"{Ns}.SetHelpFixtureUndocumentedCommand.Value"),
                (HelpIssue.MissingExample, $"{Ns}.SetHelpFixtureUndocumentedCommand"),
            ],
            issues.Select(i => (i.Code, i.Member)));
        Assert.Equal(
            $"TokenAdmin.HelpBuilder : warning TAH005 : {Ns}.SetHelpFixtureUndocumentedCommand.Value (Set-HelpFixtureUndocumented): the property has no <summary> (the description of -Value).",
            issues[2].Format(asError: false));
    }

    [Fact]
    public void A_base_class_gap_is_one_issue_naming_every_cmdlet_that_inherits_it()
    {
        var collector = new HelpIssueCollector();
        collector.Add(HelpIssue.MissingParameterSummary, "P:Ns.Base.Proxy", "Connect-A", "no summary");
        collector.Add(HelpIssue.MissingParameterSummary, "P:Ns.Base.Proxy", "Connect-B", "no summary");
        Assert.Equal("Ns.Base.Proxy (Connect-A, Connect-B): no summary", collector.ToList().Single().Message);
    }
}
