using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Faults;

/// <summary>What a careless user pipes or passes is refused before anything is sent, with one clear error per item.</summary>
public sealed class BadInputTests : EngineTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectHdc();
    }

    [Fact]
    public void Objects_without_a_Token_property_are_refused_one_error_each_and_nothing_is_sent()
    {
        var result = Shell.Run("""
            Get-Process -Id $PID | Remove-AuthToken -Confirm:$false
            1..3 | ForEach-Object { [pscustomobject]@{ Name = "row $_" } } | Remove-AuthToken -Confirm:$false
            """);

        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("InvalidPipelineInput,TokenAdmin.Hdc.RemoveAuthTokenCommand", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.Contains("System.Diagnostics.Process", result.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Requests.Count("hdc.tokens.delete"));
    }

    [Fact]
    public void Strings_and_objects_with_a_Token_property_still_bind()
    {
        var tokens = Emulator.Hdc.Tokens.Take(2).Select(t => t.Token).ToArray();
        var result = Shell.Run("$args[0] | Remove-AuthToken -Confirm:$false; [pscustomobject]@{ Token = $args[1] } | Remove-AuthToken -Confirm:$false", tokens[0], tokens[1]);

        Assert.Empty(result.Errors);
        Assert.All(tokens, t => Assert.Null(Emulator.Hdc.FindToken(t)));
    }

    [Fact]
    public void A_CSV_with_both_SerialNumber_and_TokenSerialNumber_columns_that_differ_is_refused_per_row()
    {
        ConnectSecurId();
        var serials = Emulator.SecurId.Tokens.Take(2).Select(t => t.TokenSerialNumber).ToArray();
        var csv = Path.Combine(Scratch, "both.csv");
        File.WriteAllText(csv, $"SerialNumber,TokenSerialNumber\n{serials[0]},{serials[1]}\n{serials[1]},{serials[1]}\n");

        var result = Shell.Run("Import-Csv $args[0] | Remove-SecurIdHardwareToken -Confirm:$false -PassThru", csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidPipelineInput,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand", error.FullyQualifiedErrorId);
        Assert.Contains("SerialNumber and TokenSerialNumber", error.ToString(), StringComparison.Ordinal);
        Assert.Single(result.Output); // the row whose columns agree
        Assert.NotNull(Emulator.SecurId.Find(serials[0]));
        Assert.Equal(1, Emulator.Requests.Count("securid.tokens.delete"));
    }

    [Theory]
    [InlineData("\"0001234\r\n\"")]
    [InlineData("\"0001234`n\"")]
    [InlineData("\" 0001234\"")]
    public void Serials_with_line_breaks_or_spaces_are_refused_before_sending(string serial)
    {
        ConnectSecurId();
        var result = Shell.Run($"Remove-SecurIdHardwareToken -SerialNumber {serial} -Confirm:$false");

        Assert.Equal("InvalidArgument,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Equal(0, Emulator.Requests.Count("securid.tokens.delete"));
    }

    [Fact]
    public void An_unknown_10_kB_context_makes_a_short_one_line_message()
    {
        var result = Shell.Run("New-AuthToken -UserId 5 -Context ('Q' * 10240)");

        var message = result.FirstError!.ToString();
        Assert.True(message.Length < 1000, $"{message.Length} characters");
        Assert.Contains("10,240 characters", message, StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Requests.Count("hdc.tokens.create"));
    }

    [Fact]
    public void A_base_uri_with_a_query_string_is_refused()
    {
        var result = Shell.Run("Connect-AuthTokenService -BaseUri \"$($HdcUri)?tenant=7\" -AccessToken (ConvertTo-SecureString 'x1' -AsPlainText -Force)");

        Assert.Equal("InvalidEndpoint,TokenAdmin.Hdc.ConnectAuthTokenServiceCommand", result.FirstError?.FullyQualifiedErrorId);
    }

    [Fact]
    public void Key_files_that_are_a_fifo_a_device_or_too_large_are_refused_at_once()
    {
        var fifo = Path.Combine(Scratch, "key.fifo");
        var large = Path.Combine(Scratch, "large.json");
        File.WriteAllText(large, new string(' ', 100 * 1024) + "{}");
        var paths = new[] { large, "/dev/zero" }.ToList();
        if (!OperatingSystem.IsWindows() && System.Diagnostics.Process.Start("mkfifo", fifo)!.WaitForExit(10_000) && File.Exists(fifo))
        {
            paths.Add(fifo);
        }

        foreach (var path in paths)
        {
            var result = Shell.Run("Connect-SecurIdAdmin -KeyFile $args[0]", path);
            Assert.Equal("InvalidCredential,TokenAdmin.SecurId.ConnectSecurIdAdminCommand", result.FirstError?.FullyQualifiedErrorId);
        }
    }
}
