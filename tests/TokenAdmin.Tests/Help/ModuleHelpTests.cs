using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using TokenAdmin.HelpBuilder.Maml;
using TokenAdmin.Hdc;
using Xunit;

namespace TokenAdmin.Tests.Help;

/// <summary>
/// The help the build generates for the real module. Parameter facts are checked against the
/// [Parameter] attributes read by this runtime's own reflection, independently of the generator.
/// </summary>
public sealed class ModuleHelpTests(ModuleHelpFixture help) : IClassFixture<ModuleHelpFixture>
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;

    [Fact]
    public void Root_is_a_MAML_helpItems() =>
        Assert.Equal("maml", help.Document.Root!.Attribute("schema")!.Value);

    [Fact]
    public void There_is_one_command_per_exported_cmdlet()
    {
        var documented = help.Commands.Select(ModuleHelpFixture.CommandName).ToList();
        Assert.Equal(documented.Distinct().Count(), documented.Count);
        Assert.Equal(help.ExportedCmdlets.Order(StringComparer.OrdinalIgnoreCase), documented.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Remove_AuthToken_Token_is_mandatory_at_position_0_and_binds_by_value_and_by_property_name()
    {
        var token = Parameters("Remove-AuthToken").Single(p => ModuleHelpFixture.ParameterName(p) == "Token");
        Assert.Equal("true", token.Attribute("required")!.Value);
        Assert.Equal("0", token.Attribute("position")!.Value);
        Assert.Equal("True (ByValue, ByPropertyName)", token.Attribute("pipelineInput")!.Value);
        Assert.Equal("string[]", token.Element(Command + "parameterValue")!.Value);
    }

    [Fact]
    public void Every_parameter_matches_its_Parameter_attribute()
    {
        foreach (var (name, type) in CmdletTypes())
        {
            var documented = Parameters(name).ToDictionary(ModuleHelpFixture.ParameterName);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = ParameterAttributes(property);
                if (attributes.Count == 0)
                {
                    Assert.False(documented.ContainsKey(property.Name), $"{name} documents -{property.Name}, which is not a parameter.");
                    continue;
                }

                if (attributes.Any(a => Named(a, "DontShow", false)))
                {
                    Assert.False(documented.ContainsKey(property.Name), $"{name} documents -{property.Name}, which is hidden (DontShow).");
                    continue;
                }

                Assert.True(documented.TryGetValue(property.Name, out var parameter), $"{name} -{property.Name} is not documented.");
                Assert.True(InSomeSyntaxItem(name, property.Name), $"{name} -{property.Name} is in no syntax item.");
                if (attributes.Count == 1)
                {
                    var attribute = attributes[0];
                    Assert.Equal(Named(attribute, "Mandatory", false) ? "true" : "false", parameter!.Attribute("required")!.Value);
                    var position = Named(attribute, "Position", int.MinValue);
                    Assert.Equal(position == int.MinValue ? "named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture), parameter.Attribute("position")!.Value);
                    Assert.Equal(PipelineInput(attribute), parameter.Attribute("pipelineInput")!.Value);
                }
            }
        }
    }

    [Fact]
    public void ShouldProcess_cmdlets_list_WhatIf_and_Confirm_and_the_others_do_not()
    {
        foreach (var (name, type) in CmdletTypes())
        {
            var cmdlet = CustomAttributeData.GetCustomAttributes(type).Single(a => a.AttributeType == typeof(CmdletAttribute));
            var expected = Named(cmdlet, "SupportsShouldProcess", false);
            var parameterNames = Parameters(name).Select(ModuleHelpFixture.ParameterName).ToList();
            Assert.Equal(expected, parameterNames.Contains("WhatIf") && parameterNames.Contains("Confirm"));
            foreach (var item in SyntaxItems(name))
            {
                var inItem = item.Elements(Command + "parameter").Select(ModuleHelpFixture.ParameterName).ToList();
                Assert.Equal(expected, inItem.TakeLast(2).SequenceEqual(["WhatIf", "Confirm"]));
            }
        }
    }

    [Fact]
    public void Connect_AuthTokenService_has_one_syntax_item_per_authentication_set_Credential_first()
    {
        var items = SyntaxItems("Connect-AuthTokenService").Select(i => i.Elements(Command + "parameter").Select(ModuleHelpFixture.ParameterName).ToList()).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(["BaseUri", "Credential"], items[0].Take(2));
        Assert.DoesNotContain("AccessToken", items[0]);
        Assert.Contains("AccessToken", items[1]);
        Assert.DoesNotContain("Credential", items[1]);
    }

    [Fact]
    public void The_inherited_Connection_parameter_has_the_services_connection_type()
    {
        var connection = Parameters("Get-AuthToken").Single(p => ModuleHelpFixture.ParameterName(p) == "Connection");
        Assert.Equal("HdcConnection", connection.Element(Command + "parameterValue")!.Value);
        Assert.Equal("True (ByPropertyName)", connection.Attribute("pipelineInput")!.Value);
    }

    [Fact]
    public void Common_parameters_are_left_to_PowerShell() =>
        Assert.DoesNotContain(help.Commands.SelectMany(c => c.Descendants(Command + "parameter")),
            p => ModuleHelpFixture.ParameterName(p) is "Verbose" or "Debug" or "ErrorAction" or "OutVariable");

    [Fact]
    public void Outputs_are_the_declared_types() =>
        Assert.Equal("TokenAdmin.AuthTokenRemovalResult",
            help.CommandNamed("Remove-AuthToken").Descendants(Command + "returnValue").Single().Element(MamlWriter.Dev + "type")!.Element(Maml + "name")!.Value);

    private IEnumerable<XElement> Parameters(string cmdlet) =>
        help.CommandNamed(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter");

    private IEnumerable<XElement> SyntaxItems(string cmdlet) =>
        help.CommandNamed(cmdlet).Element(Command + "syntax")!.Elements(Command + "syntaxItem");

    private bool InSomeSyntaxItem(string cmdlet, string parameter) =>
        SyntaxItems(cmdlet).Any(i => i.Elements(Command + "parameter").Any(p => ModuleHelpFixture.ParameterName(p) == parameter));

    private static IEnumerable<(string Name, Type Type)> CmdletTypes() =>
        typeof(RemoveAuthTokenCommand).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract)
            .Select(t => (Type: t, Cmdlet: CustomAttributeData.GetCustomAttributes(t).SingleOrDefault(a => a.AttributeType == typeof(CmdletAttribute))))
            .Where(c => c.Cmdlet is not null)
            .Select(c => ($"{c.Cmdlet!.ConstructorArguments[0].Value}-{c.Cmdlet.ConstructorArguments[1].Value}", c.Type));

    // CustomAttributeData, not GetCustomAttribute: the reference stubs' attribute constructors are inert.
    private static List<CustomAttributeData> ParameterAttributes(PropertyInfo property) =>
        CustomAttributeData.GetCustomAttributes(property).Where(a => a.AttributeType == typeof(ParameterAttribute)).ToList();

    private static T Named<T>(CustomAttributeData attribute, string name, T fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value is T value ? value : fallback;

    private static string PipelineInput(CustomAttributeData parameter) =>
        (Named(parameter, "ValueFromPipeline", false), Named(parameter, "ValueFromPipelineByPropertyName", false)) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
}
