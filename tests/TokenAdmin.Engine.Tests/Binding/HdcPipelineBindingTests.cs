using System.IO;
using System.Linq;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Binding;

/// <summary>How PowerShell itself binds HDC pipelines: by value, by property name, from CSV rows.</summary>
public sealed class HdcPipelineBindingTests : EngineTest
{
    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectHdc();
    }

    [Fact]
    public void Get_AuthToken_writes_typed_objects_that_resolve_as_a_type_literal()
    {
        var result = Shell.RunClean("$t = Get-AuthToken; $t.Count; $t[0] -is [TokenAdmin.AuthToken]");
        Assert.Equal(Emulator.Hdc.Tokens.Count, (int)result.Output[0].BaseObject);
        Assert.True((bool)result.Output[1].BaseObject);
    }

    [Fact]
    public void Token_strings_bind_by_value()
    {
        var victim = Emulator.Hdc.Tokens[0].Token;
        Shell.RunClean("$args[0] | Remove-AuthToken -Confirm:$false", victim);
        Assert.Null(Emulator.Hdc.FindToken(victim));
        Assert.Equal(3, Emulator.Hdc.Tokens.Count);
    }

    [Fact]
    public void AuthToken_objects_bind_Token_by_property_name()
    {
        Shell.RunClean("Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false");
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 5);
        Assert.NotEmpty(Emulator.Hdc.Tokens);
    }

    [Fact]
    public void Import_Csv_rows_bind_UserId_by_property_name()
    {
        var csv = Path.Combine(Scratch, "users.csv");
        File.WriteAllText(csv, "UserId,Note\n5,leaver\n42,leaver\n");
        var result = Shell.RunClean("Import-Csv $args[0] | Get-AuthToken", csv);
        var expected = Emulator.Hdc.Tokens.Count(t => t.UserId is 5 or 42);
        Assert.Equal(expected, result.Output.Count);
        Assert.All(result.Output, o => Assert.Contains((long)o.Properties["UserId"].Value, new long[] { 5, 42 }));
    }
}
