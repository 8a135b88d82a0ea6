using System.IO;
using System.Linq;
using TokenAdmin.HelpBuilder.Maml;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Help;

/// <summary>`dotnet build` generates the help and stages it where Get-Help looks for a binary module's help.</summary>
public sealed class StagedHelpTests(ModuleHelpFixture help) : IClassFixture<ModuleHelpFixture>
{
    [Fact]
    public void The_staged_module_carries_help_for_every_exported_cmdlet()
    {
        var staged = ModuleHelpFixture.Load(Path.Combine(Repository.StagedModule, "en-US", "TokenAdmin.dll-Help.xml"));
        Assert.Equal(
            help.ExportedCmdlets.Order(),
            staged.Root!.Elements(MamlWriter.Command + "command").Select(ModuleHelpFixture.CommandName).Order());
    }
}
