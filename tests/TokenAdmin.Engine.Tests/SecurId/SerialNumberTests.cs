using System.Linq;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.SecurId;

/// <summary>
/// Unquoted serials are numbers to PowerShell (000123456789 is 123456789): TokenAdmin must never send
/// a serial other than the one printed on the token, so a number is refused before anything is sent.
/// </summary>
public sealed class SerialNumberTests : EngineTest
{
    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectSecurId();
        // The token a naive conversion would hit: 000123456789 typed unquoted becomes 123456789.
        var seeded = Emulator.SecurId.Find("000123456789")!;
        Emulator.SecurId.Add(seeded with { TokenSerialNumber = "123456789" });
        Emulator.Requests.Clear();
    }

    [Theory]
    [InlineData("Get-SecurIdHardwareToken -SerialNumber 000123456789, 000123456790")]
    [InlineData("Get-SecurIdHardwareToken 000123456789")]
    [InlineData("Remove-SecurIdHardwareToken -SerialNumber 000123456789, 000123456790 -Confirm:$false")]
    [InlineData("000123456789 | Remove-SecurIdHardwareToken -Confirm:$false")]
    [InlineData("[pscustomobject]@{ TokenSerialNumber = 123456789 } | Remove-SecurIdHardwareToken -Confirm:$false")]
    public void A_serial_that_arrives_as_a_number_is_refused_and_nothing_is_sent(string script)
    {
        var result = Shell.Run(script);

        var error = result.Terminating?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
        Assert.Contains("arrived as a number", error.ToString());
        Assert.Contains("Quote serial numbers", error.ToString());
        Assert.Empty(Emulator.Requests.Entries);
        Assert.NotNull(Emulator.SecurId.Find("123456789"));
        Assert.NotNull(Emulator.SecurId.Find("000123456789"));
    }

    [Fact]
    public void Quoted_serials_keep_their_leading_zeros()
    {
        var result = Shell.RunClean("Get-SecurIdHardwareToken -SerialNumber '000123456789', '000123456790'");
        Assert.Equal(new[] { "000123456789", "000123456790" }, result.Output.Select(o => (string)o.Properties["SerialNumber"].Value));

        Shell.RunClean("Remove-SecurIdHardwareToken -SerialNumber '000123456789' -Confirm:$false");
        Assert.Null(Emulator.SecurId.Find("000123456789"));
        Assert.NotNull(Emulator.SecurId.Find("123456789"));
    }

    [Fact]
    public void Serials_from_text_sources_bind_unchanged()
    {
        var result = Shell.RunClean("""
            'SerialNumber', '000123456790', '000987654321' | ConvertFrom-Csv | Get-SecurIdHardwareToken
            '000123456789' -split ',' | Get-SecurIdHardwareToken
            """);
        Assert.Equal(new[] { "000123456790", "000987654321", "000123456789" }, result.Output.Select(o => (string)o.Properties["SerialNumber"].Value));
    }

    [Fact]
    public void A_blank_line_of_a_serials_file_is_refused_naming_its_line_and_file_and_the_others_are_sent()
    {
        var file = System.IO.Path.Combine(Scratch, "returned.txt");
        System.IO.File.WriteAllText(file, "000123456789\n\n000987654321\n");

        var result = Shell.Run("Get-Content $args[0] | Remove-SecurIdHardwareToken -Confirm:$false -PassThru", file);

        var error = Assert.Single(result.Errors);
        Assert.Contains("Line 2 of returned.txt is blank", error.ToString(), System.StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Count);
        Assert.Null(Emulator.SecurId.Find("000123456789"));
        Assert.Null(Emulator.SecurId.Find("000987654321"));
    }
}
