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

    [Fact]
    public void Import_Csv_rows_with_a_Token_column_revoke_those_tokens()
    {
        var victims = Emulator.Hdc.Tokens.Take(2).Select(t => t.Token).ToList();
        var csv = Path.Combine(Scratch, "revoke.csv");
        File.WriteAllText(csv, "Token,Reason\n" + string.Join("\n", victims.Select(v => v + ",left")) + "\n");
        Shell.RunClean("Import-Csv $args[0] | Remove-AuthToken -Confirm:$false", csv);
        Assert.All(victims, v => Assert.Null(Emulator.Hdc.FindToken(v)));
        Assert.Equal(2, Emulator.Hdc.Tokens.Count);
    }

    [Fact]
    public void Csv_rows_bind_UserId_and_a_comma_separated_Context_cell_to_New_AuthToken()
    {
        var csv = Path.Combine(Scratch, "new-tokens.csv");
        File.WriteAllText(csv, "UserId,Context\n42,\"ReadDocuments,UploadDocuments\"\n5,ManageWorkOrders\n");
        var result = Shell.Run("Import-Csv $args[0] | New-AuthToken", csv);

        Assert.Empty(result.Errors);
        Assert.Contains(Emulator.Hdc.Tokens, t => t.UserId == 42 && t.Contexts.Select(c => c.Name).Order().SequenceEqual(new[] { "ReadDocuments", "UploadDocuments" }));
        Assert.Equal(2, result.Output.Count);
    }

    [Fact]
    public void The_safe_report_idiom_round_trips_contexts_through_a_CSV_file()
    {
        var csv = Path.Combine(Scratch, "report.csv");
        var result = Shell.RunClean("""
            param($csv)
            Get-AuthToken | Select-Object UserId, UserFullName, @{ Name = 'Context'; Expression = { $_.Context -join ',' } }, Fingerprint, LastUpdate |
                Export-Csv -LiteralPath $csv
            Import-Csv -LiteralPath $csv | Where-Object UserId -eq 5 | Get-AuthToken -Context { $_.Context }
            Get-Content -LiteralPath $csv -Raw
            """, csv);

        var text = (string)result.Output[^1].BaseObject;
        Assert.DoesNotContain("System.String[]", text);
        Assert.Contains("\"ReadDocuments,UploadDocuments\"", text);
        Assert.All(Emulator.Hdc.Tokens, t => Assert.DoesNotContain(t.Token, text));
    }
}
