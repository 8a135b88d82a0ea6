using System.IO;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Binding;

/// <summary>How PowerShell itself binds SecurID pipelines: lookup output, CSV rows with either column name.</summary>
public sealed class SecurIdPipelineBindingTests : EngineTest
{
    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectSecurId();
    }

    [Fact]
    public void Lookup_output_binds_SerialNumber_UserId_and_Connection_by_property_name()
    {
        Shell.Host.Answers.Enqueue("Yes");
        Shell.RunClean("Get-SecurIdHardwareToken -SerialNumber '000123456789' | Remove-SecurIdHardwareToken");
        Assert.Contains("SecurID token 000123456789 of jdoe (TokenAdmin Demo)", Assert.Single(Shell.Host.Prompts));
        Assert.Null(Emulator.SecurId.Find("000123456789"));
    }

    [Theory]
    [InlineData("TokenSerialNumber")]
    [InlineData("SerialNumber")]
    public void Csv_rows_bind_by_either_column_name(string column)
    {
        var csv = Path.Combine(Scratch, "returned.csv");
        File.WriteAllText(csv, $"{column},Note\n000123456790,returned\n000987654321,returned\n");
        Shell.RunClean("Import-Csv $args[0] | Remove-SecurIdHardwareToken -Confirm:$false", csv);
        Assert.Null(Emulator.SecurId.Find("000123456790"));
        Assert.Null(Emulator.SecurId.Find("000987654321"));
        Assert.NotNull(Emulator.SecurId.Find("000123456789"));
    }
}
