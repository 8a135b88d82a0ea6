using System.Linq;
using System.Xml.Linq;
using TokenAdmin.HelpBuilder.Maml;
using Xunit;

namespace TokenAdmin.Tests.Help;

/// <summary>
/// Help is part of Done: every cmdlet has a synopsis, a description and an example with code, and
/// every parameter a description. These fail, listing what is missing, until the cmdlets' doc
/// comments are written (format: src/TokenAdmin.HelpBuilder/README.md). The build then passes
/// with -p:HelpStrict=true too.
/// </summary>
public sealed class ModuleHelpCompletenessTests(ModuleHelpFixture help) : IClassFixture<ModuleHelpFixture>
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Dev = MamlWriter.Dev;

    [Fact]
    public void Every_cmdlet_has_a_synopsis_a_description_and_an_example_with_code_and_text()
    {
        var gaps = help.Commands.SelectMany(command =>
        {
            var name = ModuleHelpFixture.CommandName(command);
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            return new[]
            {
                HasText(command.Element(Command + "details")!.Element(Maml + "description")) ? null : $"{name}: no synopsis",
                HasText(command.Element(Maml + "description")) ? null : $"{name}: no description",
                examples.Count > 0 ? null : $"{name}: no example",
                examples.All(e => e.Element(Dev + "code")!.Value.Trim().Length > 0) ? null : $"{name}: an example without code",
                examples.All(e => HasText(e.Element(Dev + "remarks"))) ? null : $"{name}: an example without explanation",
            }.OfType<string>();
        }).ToList();
        Assert.True(gaps.Count == 0, "Missing help:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public void Every_parameter_has_a_description()
    {
        var gaps = help.Commands.SelectMany(command => command.Element(Command + "parameters")!.Elements(Command + "parameter")
                .Where(p => !HasText(p.Element(Maml + "Description")))
                .Select(p => $"{ModuleHelpFixture.CommandName(command)} -{ModuleHelpFixture.ParameterName(p)}"))
            .ToList();
        Assert.True(gaps.Count == 0, "Parameters without a description:\n" + string.Join("\n", gaps));
    }

    private static bool HasText(XElement? paragraphs) =>
        paragraphs is not null && paragraphs.Elements(Maml + "para").Any(p => p.Value.Trim().Length > 0);
}
