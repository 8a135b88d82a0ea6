using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Help;

/// <summary>Get-Help as the engine renders the generated MAML, the about topic, and what the manifest claims.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly ModuleShell _shell = new();

    public static IEnumerable<object[]> Commands()
    {
        using var shell = new ModuleShell();
        return shell.RunClean("(Get-Command -Module TokenAdmin).Name").Output.Select(o => new object[] { (string)o.BaseObject }).ToList();
    }

    public void Dispose() => _shell.Dispose();

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_a_synopsis_examples_and_described_parameters(string command)
    {
        var help = _shell.RunClean("Get-Help $args[0] -Full", command).Output.Single();
        var synopsis = ((string)help.Properties["Synopsis"].Value).Trim();
        Assert.False(synopsis.StartsWith(command, StringComparison.Ordinal), $"{command} has no synopsis (Get-Help shows its syntax instead)");

        var examples = _shell.RunClean("@((Get-Help $args[0] -Examples).examples.example)", command).Output;
        Assert.NotEmpty(examples);

        var undescribed = _shell.RunClean("""
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            # A command without parameters of its own has no parameter entries (a null, not an empty list).
            foreach ($p in @((Get-Help $args[0] -Full).parameters.parameter | Where-Object { $_.name })) {
                if ($p.name -notin $common -and -not ($p.description | Out-String).Trim()) { $p.name }
            }
            """, command).Output;
        Assert.Empty(undescribed);

        var rendered = _shell.RunClean("Get-Help $args[0] -Full | Out-String -Width 80", command).Text;
        Assert.Contains("EXAMPLE", rendered, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Example_code_carries_no_stray_indentation(string command)
    {
        var codes = _shell.RunClean("@((Get-Help $args[0] -Examples).examples.example) | ForEach-Object { $_.code }", command).Output
            .Select(o => (string)o.BaseObject).ToList();
        foreach (var code in codes)
        {
            var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0).ToList();
            var indent = lines.Min(l => l.Length - l.TrimStart().Length);
            Assert.True(indent == 0, $"{command}: every line of an example is indented by {indent}:\n{code}");
            Assert.DoesNotContain(lines, l => l.StartsWith("            ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void About_TokenAdmin_is_a_help_topic()
    {
        var text = _shell.RunClean("Get-Help about_TokenAdmin | Out-String").Text;
        Assert.Contains("about_TokenAdmin", text);
        Assert.Contains("catch [TokenAdmin.ServiceRequestException]", text);
        Assert.Contains("Quote SecurID serial numbers", text);
    }

    [Fact]
    public void The_manifest_names_only_services_the_module_has_and_a_license_that_exists()
    {
        var connectOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["HDC"] = "Connect-AuthTokenService",
            ["SecurID"] = "Connect-SecurIdAdmin",
            ["PowerClerk"] = "Connect-PowerClerk",
            ["apstrata"] = "Connect-Apstrata",
        };
        var module = _shell.RunClean("Test-ModuleManifest -Path $args[0]", RepositoryPaths.StagedManifest).Output.Single();
        var exported = ((System.Collections.IDictionary)module.Properties["ExportedCmdlets"].Value).Keys.Cast<string>().ToHashSet();
        var description = (string)module.Properties["Description"].Value;
        var tags = ((IEnumerable<string>)_shell.RunClean("(Test-ModuleManifest -Path $args[0]).Tags", RepositoryPaths.StagedManifest).Output.Select(o => (string)o.BaseObject)).ToList();

        foreach (var (service, connect) in connectOf)
        {
            var named = description.Contains(service, StringComparison.OrdinalIgnoreCase) || tags.Contains(service, StringComparer.OrdinalIgnoreCase);
            Assert.True(!named || exported.Contains(connect), $"The manifest names {service}, but the module has no {connect}.");
        }

        var license = (Uri)module.Properties["LicenseUri"].Value;
        Assert.DoesNotContain("github.com/tokenadmin", license.AbsoluteUri, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryPaths.StagedManifest)!, "LICENSE.txt")));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryPaths.StagedManifest)!, "en-US", "about_TokenAdmin.help.txt")));
    }
}
