using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Metadata;

/// <summary>What PowerShell reads from the compiled cmdlets: names, parameter sets, pipeline binding, ShouldProcess, output types.</summary>
public class CmdletMetadataTests
{
    private static readonly Assembly Module = typeof(TokenAdmin.Commands.TokenAdminCommand).Assembly;
    private static readonly IReadOnlyList<CmdletMetadata> Cmdlets = CmdletMetadata.All(Module);

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in Cmdlets)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    private static CmdletMetadata Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void The_manifest_exports_exactly_the_compiled_cmdlets()
    {
        var manifest = PowerShellDataFile.Read(Repository.ManifestPath);
        var exported = ((List<object?>)manifest["CmdletsToExport"]!).Cast<string>().OrderBy(n => n);

        Assert.Equal(Cmdlets.Select(c => c.Name).OrderBy(n => n), exported);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Verbs_are_approved(string name)
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Contains(Cmdlet(name).Verb, approved);
    }

    /// <summary>Commands that write nothing (and so declare no OutputType).</summary>
    private static readonly string[] WriteNothing = { "Disconnect-TokenAdmin" };

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_declares_public_output_types_in_the_TokenAdmin_namespace(string name)
    {
        var cmdlet = Cmdlet(name);
        if (WriteNothing.Contains(name))
        {
            Assert.Empty(cmdlet.OutputTypes);
            return;
        }

        Assert.NotEmpty(cmdlet.OutputTypes);
        Assert.All(cmdlet.OutputTypes.Where(t => t != typeof(void)), t =>
        {
            Assert.True(t.IsPublic, $"{t} is not public");
            Assert.Equal("TokenAdmin", t.Namespace);
        });
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Parameter_sets_are_unambiguous(string name)
    {
        var cmdlet = Cmdlet(name);
        var sets = cmdlet.SetNames.ToList();
        if (sets.Count > 1)
        {
            Assert.Contains(cmdlet.DefaultParameterSetName, sets);
        }

        foreach (var set in sets)
        {
            var parameters = cmdlet.InSet(set).ToList();
            // A hidden InputObject beside the item parameter only lets the command see what was piped.
            Assert.True(parameters.Count(p => p.ByValue && !p.DontShow) <= 1, $"{name} [{set}]: more than one ValueFromPipeline parameter");
            Assert.All(parameters.Where(p => p.ByValue && p.DontShow), p => Assert.Equal(typeof(PSObject), p.Type));
            var positions = parameters.Where(p => p.Position is not null).Select(p => p.Position).ToList();
            Assert.True(positions.Distinct().Count() == positions.Count, $"{name} [{set}]: duplicate positions");
            if (sets.Count > 1)
            {
                // Each set has a mandatory parameter no other set has: PowerShell can always tell them apart.
                var others = sets.Where(s => s != set).SelectMany(s => cmdlet.Parameters.Where(p => p.SetName == s)).Select(p => p.Name).ToHashSet();
                Assert.Contains(parameters, p => p.SetName == set && p.Mandatory && !others.Contains(p.Name));
            }
        }
    }

    [Theory]
    [InlineData("New-AuthToken", ConfirmImpact.Medium)]
    [InlineData("Set-AuthToken", ConfirmImpact.Medium)]
    [InlineData("Remove-AuthToken", ConfirmImpact.High)]
    [InlineData("Remove-SecurIdHardwareToken", ConfirmImpact.High)]
    [InlineData("New-MfaSessionToken", ConfirmImpact.Medium)]
    [InlineData("Remove-MfaSessionToken", ConfirmImpact.High)]
    [InlineData("New-ApstrataToken", ConfirmImpact.Low)]
    [InlineData("Remove-ApstrataToken", ConfirmImpact.High)]
    public void State_changing_cmdlets_support_ShouldProcess_with_the_documented_impact(string name, ConfirmImpact impact)
    {
        Assert.True(Cmdlet(name).SupportsShouldProcess);
        Assert.Equal(impact, Cmdlet(name).ConfirmImpact);
    }

    [Fact]
    public void Every_Remove_cmdlet_asks_first_at_the_default_ConfirmPreference() =>
        Assert.All(Cmdlets.Where(c => c.Verb == "Remove"), c => Assert.Equal(ConfirmImpact.High, c.ConfirmImpact));

    [Fact]
    public void Only_state_changing_cmdlets_support_ShouldProcess() =>
        Assert.All(Cmdlets.Where(c => c.SupportsShouldProcess), c => Assert.Contains(c.Verb, new[] { "New", "Set", "Remove" }));

    [Fact]
    public void Every_Remove_takes_ThrottleLimit_and_PassThru() =>
        Assert.All(Cmdlets.Where(c => c.Verb == "Remove"), c =>
        {
            Assert.Equal(typeof(int), c.Parameter("ThrottleLimit").Type);
            Assert.Equal(typeof(SwitchParameter), c.Parameter("PassThru").Type);
        });

    [Theory]
    [InlineData("Remove-AuthToken", "Token", true, true)]
    [InlineData("Set-AuthToken", "Token", true, true)]
    [InlineData("Set-AuthToken", "UserId", false, true)]
    [InlineData("Set-AuthToken", "Context", false, true)]
    [InlineData("New-AuthToken", "UserId", false, true)]
    [InlineData("New-AuthToken", "Context", false, true)]
    [InlineData("Get-AuthToken", "UserId", false, true)]
    [InlineData("Get-AuthTokenContext", "Name", true, false)]
    [InlineData("Disconnect-TokenAdmin", "Service", false, true)]
    [InlineData("Get-SecurIdHardwareToken", "SerialNumber", true, true)]
    [InlineData("Remove-SecurIdHardwareToken", "SerialNumber", true, true)]
    public void Identifiers_bind_from_the_pipeline(string name, string parameter, bool byValue, bool byPropertyName)
    {
        var metadata = Cmdlet(name).Parameter(parameter);
        Assert.Equal(byValue, metadata.ByValue);
        Assert.Equal(byPropertyName, metadata.ByPropertyName);
    }

    [Fact]
    public void Every_service_command_takes_Connection_from_the_pipeline_by_property_name()
    {
        var serviceCommands = Cmdlets.Where(c => IsServiceCommand(c.Type)).ToList();
        Assert.Contains(serviceCommands, c => c.Noun == "AuthToken");
        Assert.Contains(serviceCommands, c => c.Noun == "SecurIdHardwareToken");
        Assert.All(serviceCommands, c => Assert.True(c.Parameter("Connection").ByPropertyName, c.Name));
    }

    [Theory]
    [InlineData("Get-SecurIdHardwareToken")]
    [InlineData("Remove-SecurIdHardwareToken")]
    public void SecurID_serials_also_bind_as_TokenSerialNumber_and_are_length_checked(string name)
    {
        var serial = Cmdlet(name).Parameter("SerialNumber");
        Assert.Equal(new[] { "TokenSerialNumber" }, serial.Aliases);
        var length = serial.Property.GetCustomAttributesData().Single(a => a.AttributeType == typeof(ValidateLengthAttribute));
        Assert.Equal(new object[] { 1, 36 }, length.ConstructorArguments.Select(a => a.Value));
    }

    private static bool IsServiceCommand(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TokenAdmin.Commands.ServiceCommand<>))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Get-X | Verb-X: every mandatory pipeline parameter finds a same-named property of a compatible type on Get-X's output.</summary>
    [Theory]
    [InlineData("Get-AuthToken", "Remove-AuthToken")]
    [InlineData("Get-AuthToken", "Set-AuthToken")]
    [InlineData("New-AuthToken", "Remove-AuthToken")]
    [InlineData("Get-TokenAdminConnection", "Disconnect-TokenAdmin")]
    [InlineData("Get-SecurIdHardwareToken", "Remove-SecurIdHardwareToken")]
    public void Output_of_one_command_binds_to_the_next(string upstream, string downstream)
    {
        var output = Cmdlet(upstream).OutputTypes.Single();
        var wanted = Cmdlet(downstream).Parameters.Where(p => p.ByPropertyName && (p.Mandatory || output.GetProperty(p.Name) is not null)).ToList();
        Assert.NotEmpty(wanted);
        foreach (var parameter in wanted)
        {
            var property = output.GetProperty(parameter.Name);
            Assert.True(property is not null, $"{output.Name} has no property {parameter.Name} for {downstream} -{parameter.Name}");
            var target = parameter.Type.IsArray ? parameter.Type.GetElementType()! : parameter.Type;
            var source = property!.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
            Assert.True(target.IsAssignableFrom(source), $"{output.Name}.{parameter.Name} ({source}) does not bind to {downstream} -{parameter.Name} ({target})");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_switch_has_a_logic_side_bool_so_xunit_can_set_it(string name)
    {
        foreach (var parameter in Cmdlet(name).Parameters.Where(p => p.Type == typeof(SwitchParameter)))
        {
            var present = Cmdlet(name).Type.GetProperty(parameter.Name + "Present", BindingFlags.Instance | BindingFlags.NonPublic);
            Assert.True(present?.PropertyType == typeof(bool), $"{name} -{parameter.Name} needs an internal bool {parameter.Name}Present");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Secrets_are_typed_as_secrets(string name)
    {
        foreach (var parameter in Cmdlet(name).Parameters.Where(p => p.Name is "Credential" or "ProxyCredential" or "AccessToken" or "AccessKey" or "Secret" or "ApiKey" or "Password"))
        {
            Assert.Contains(parameter.Type, new[] { typeof(PSCredential), typeof(System.Security.SecureString) });
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Mandatory_values_are_validated_before_anything_is_sent(string name)
    {
        foreach (var parameter in Cmdlet(name).Parameters.Where(p => p.Mandatory && p.Type != typeof(SwitchParameter)))
        {
            Assert.True(
                parameter.Attributes.Any(a => a.Name.StartsWith("Validate", StringComparison.Ordinal)),
                $"{name} -{parameter.Name} has no Validate* attribute");
        }
    }
}
