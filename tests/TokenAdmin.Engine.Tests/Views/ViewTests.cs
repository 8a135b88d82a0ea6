using System;
using System.IO;
using System.Linq;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Views;

/// <summary>
/// What the console shows, rendered by the engine's own formatter at 80 and 120 columns: every default
/// view readable (no line too long, no header broken, nothing cut with an ellipsis), no secret anywhere,
/// also when output of several types is mixed and PowerShell falls back to list formatting.
/// </summary>
public sealed class ViewTests : EngineTest
{
    private string _keyFile = null!;

    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectHdc();
        _keyFile = SecurIdKeyFile();
        Shell.RunClean("Connect-SecurIdAdmin -KeyFile $args[0]", _keyFile);
        Shell.SetVariable("KeyFile", _keyFile);
        Shell.RunClean("""
            $pcCredential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
            Connect-PowerClerk -BaseUri $args[3] -Credential $pcCredential -ApiKey (ConvertTo-SecureString $args[2] -AsPlainText -Force)
            """, PowerClerkDemo.PlainUserName, PowerClerkDemo.PlainPassword, PowerClerkDemo.ApiKey, Emulator.PowerClerkBaseUri);
        Shell.SetVariable("ApstrataUri", Emulator.ApstrataBaseUri);
        Shell.SetVariable("ApstrataUser", new System.Management.Automation.PSCredential(ApstrataDemo.UserLogin, Secure(ApstrataDemo.UserPassword)));
        Shell.SetVariable("ApstrataOwner", Secure(ApstrataDemo.OwnerSecret));
    }

    public static TheoryData<string, int, string[]> Views()
    {
        var data = new TheoryData<string, int, string[]>();
        foreach (var width in new[] { 80, 120 })
        {
            data.Add("Get-AuthToken", width, ["UserId", "UserFullName", "Fingerprint", "Context"]);
            data.Add("Get-AuthTokenContext", width, ["Code", "Name"]);
            data.Add("Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false -PassThru", width, ["Fingerprint", "UserId", "RemovedAt", "BaseUri"]);
            data.Add("Get-TokenAdminConnection", width, ["Service", "User", "BaseUri"]);
            data.Add("Get-SecurIdHardwareToken -SerialNumber '000123456789', '000123456790', '000987654321'", width, ["SerialNumber", "Status", "UserId", "ExpiryDate", "Name"]);
            data.Add("Remove-SecurIdHardwareToken -SerialNumber '000123456789' -Confirm:$false -PassThru", width, ["SerialNumber", "UserId", "RemovedAt", "CustomerName"]);
            data.Add("New-MfaSessionToken -Confirm:$false", width, ["TokenId", "ExpiresAt", "UserName"]);
            data.Add("New-MfaSessionToken -Confirm:$false | Remove-MfaSessionToken -Confirm:$false -PassThru", width, ["TokenId", "UserName", "RemovedAt", "BaseUri"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Every_table_view_is_readable(string script, int width, string[] headers)
    {
        var text = Shell.Render(script, width);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.All(lines, l => Assert.True(l.Length <= width, $"Line longer than {width}: '{l}'"));
        Assert.DoesNotContain("…", text);
        var header = lines.First(l => l.Trim().Length > 0);
        Assert.Equal(headers, header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^[ -]+$", lines[lines.IndexOf(header) + 1]);
        AssertNoSecret(text);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Token_listings_show_every_context_name_and_fingerprint_whole(int width)
    {
        var text = Shell.Render("Get-AuthToken", width);
        foreach (var token in Emulator.Hdc.Tokens)
        {
            Assert.Contains(Fingerprint.Of(token.Token), text);
            Assert.All(token.Contexts, c => Assert.Contains(c.Name, text));
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void A_SecurID_connection_is_a_list_that_shows_the_whole_url(int width)
    {
        var text = Shell.Render("Connect-SecurIdAdmin -KeyFile $KeyFile -PassThru", width);

        Assert.Contains($"AdminRestApiUrl    : {Emulator.SecurIdAdminRestApiUrl}", text);
        Assert.Contains("CustomerName       : TokenAdmin Demo", text);
        Assert.Contains("KeyRole            : SuperAdministrator", text);
        Assert.DoesNotContain(text.Split('\n'), l => l.Trim().Length == 1); // a header never stands one letter a line
        AssertNoSecret(text);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void The_connection_table_shows_the_hdc_url_whole(int width)
    {
        var text = Shell.Render("Get-TokenAdminConnection", width);
        Assert.Contains(Emulator.HdcBaseUri.AbsoluteUri, text);
        Assert.Contains("demo.admin", text);
    }

    [Fact]
    public void Mixed_output_of_every_type_in_any_order_shows_no_secret()
    {
        const string every = """
            $items = @(
                Get-AuthTokenContext -Name ReadDocuments
                Get-AuthToken -UserId 42
                Get-TokenAdminConnection
                Connect-AuthTokenService -BaseUri $HdcUri -Credential $credential -PassThru
                Connect-SecurIdAdmin -KeyFile $KeyFile -PassThru
                Get-SecurIdHardwareToken -SerialNumber '000123456790'
                Get-AuthToken -UserId 12345 | Remove-AuthToken -Confirm:$false -PassThru
                Remove-SecurIdHardwareToken -SerialNumber '000123456790' -Confirm:$false -PassThru
                Get-TokenAdminConnection -Service PowerClerk
                New-MfaSessionToken -Confirm:$false | Remove-MfaSessionToken -Confirm:$false -PassThru
                New-MfaSessionToken -Confirm:$false   # so the emulator still holds its value to look for
                Connect-Apstrata -AuthKey DEMOKEY01 -BaseUri $ApstrataUri -Credential $ApstrataUser -PassThru
                New-ApstrataToken
                Connect-Apstrata -AuthKey DEMOKEY01 -BaseUri $ApstrataUri -Secret $ApstrataOwner
                'bob' | Remove-ApstrataToken -Confirm:$false -PassThru
            )
            """;
        Shell.RunClean($"$credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force)); {every}",
            TokenAdmin.Emulator.DemoCredentials.HdcAdminUserName, TokenAdmin.Emulator.DemoCredentials.HdcAdminPassword);
        var secrets = Secrets().Concat(Emulator.Hdc.Tokens.Select(t => t.Token)).Concat(Emulator.PowerClerk.SessionTokens.Select(t => t.Token))
            .Append(PowerClerkDemo.PlainPassword).Append(PowerClerkDemo.ApiKey)
            .Concat(Emulator.Apstrata.Tokens.Select(t => t.Value)).Append(ApstrataDemo.UserPassword).Append(ApstrataDemo.OwnerSecret).ToList();

        var text = Shell.RunClean("""
            $items | Out-String -Width 80
            $items[($items.Count - 1)..0] | Out-String -Width 120
            foreach ($item in $items) { & { $items[0]; $item } | Out-String; $item | Format-List | Out-String; "$item" }
            """).Text;

        Assert.Contains("UserFullName", text); // the AuthToken really was formatted
        Assert.Contains("AdminRestApiUrl", text);
        Assert.Contains("SessionTokenId", text);
        Assert.Contains("LifetimeEndsAt", text);
        Assert.NotEmpty(Emulator.PowerClerk.SessionTokens);
        AssertNoSecret(text, secrets);
    }

    [Fact]
    public void The_documented_mixed_output_case_lists_the_token_without_its_value()
    {
        var token = Emulator.Hdc.Tokens.Single(t => t.UserId == 42).Token;
        var text = Shell.Render("Get-AuthTokenContext -Name ReadDocuments; Get-AuthToken -UserId 42", 80);
        Assert.Contains(Fingerprint.Of(token), text);
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain("Token        :", text);
    }

    private static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}
