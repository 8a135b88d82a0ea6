using System.Linq;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.ShouldProcess;

/// <summary>-WhatIf, $WhatIfPreference, -Confirm and $ConfirmPreference as the engine applies them, and what the prompts name.</summary>
public sealed class ShouldProcessTests : EngineTest
{
    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectHdc();
        ConnectSecurId();
        Emulator.Requests.Clear();
    }

    private int Writes => Emulator.Requests.Entries.Count(e => e.Method is "DELETE" or "PUT" or "POST" && !e.Path.EndsWith("/lookup", System.StringComparison.Ordinal));

    [Fact]
    public void WhatIf_changes_nothing_and_names_each_token_with_its_user()
    {
        Shell.RunClean("Get-AuthToken -UserId 5 | Remove-AuthToken -WhatIf; Get-AuthToken -UserId 5 | Set-AuthToken -Context ReadDocuments -WhatIf");
        Assert.Equal(0, Writes);
        var lines = Shell.Host.Lines.Where(l => l.StartsWith("What if:", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        Assert.All(lines, l => Assert.Contains($" of Grace Hopper (user 5) on {Emulator.HdcBaseUri}", l)); // Set names the person as Remove does
        Assert.Equal(4, Emulator.Hdc.Tokens.Count);
    }

    [Fact]
    public void WhatIfPreference_applies_like_the_switch()
    {
        Shell.RunClean("$WhatIfPreference = $true; Get-AuthToken | Remove-AuthToken; Remove-SecurIdHardwareToken -SerialNumber '000123456789'; $WhatIfPreference = $false");
        Assert.Equal(0, Writes);
        Assert.Equal(4, Emulator.Hdc.Tokens.Count);
        Assert.NotNull(Emulator.SecurId.Find("000123456789"));
    }

    [Fact]
    public void Remove_asks_for_each_token_naming_its_fingerprint_user_and_tenant_and_honours_the_answers()
    {
        var five = Emulator.Hdc.Tokens.Where(t => t.UserId == 5).Select(t => t.Token).ToList();
        Shell.Host.Answers.Enqueue("Yes");
        Shell.Host.Answers.Enqueue("No");
        Shell.RunClean("Get-AuthToken -UserId 5 | Remove-AuthToken -ThrottleLimit 1");

        Assert.Equal(2, Shell.Host.Prompts.Count);
        Assert.All(Shell.Host.Prompts, p => Assert.Contains($"of Grace Hopper (user 5) on {Emulator.HdcBaseUri}", p));
        Assert.Single(five, t => Emulator.Hdc.FindToken(t) is null);
        Assert.Single(five, t => Emulator.Hdc.FindToken(t) is not null);
    }

    [Fact]
    public void Revoke_TokenAdminUserAccess_asks_once_per_person_with_the_whole_plan_and_honours_the_answers()
    {
        var graceTokens = Emulator.Hdc.Tokens.Where(t => t.UserId == 5).Select(t => t.Token).ToList();
        Shell.Host.Answers.Enqueue("No");
        Shell.Host.Answers.Enqueue("Yes");

        var summaries = Shell.RunClean("""
            @([pscustomobject]@{ Name = 'Grace Hopper'; HdcUserId = '5'; SecurIdSerialNumber = '000123456789'; ApstrataLogin = '' }
              [pscustomobject]@{ Name = 'Kim Lee'; HdcUserId = '42'; SecurIdSerialNumber = '000987654321'; ApstrataLogin = '' }) | Revoke-TokenAdminUserAccess
            """).Output;

        Assert.Equal(2, Shell.Host.Prompts.Count);
        Assert.Contains("Grace Hopper", Shell.Host.Prompts[0]);
        Assert.Contains("HDC user 5: revoke 2 token(s)", Shell.Host.Prompts[0]);
        Assert.Contains("SecurID: delete hardware token(s) 000123456789", Shell.Host.Prompts[0]);
        Assert.Contains("Kim Lee", Shell.Host.Prompts[1]);
        Assert.All(graceTokens, t => Assert.NotNull(Emulator.Hdc.FindToken(t)));
        Assert.NotNull(Emulator.SecurId.Find("000123456789"));
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 42);
        Assert.Null(Emulator.SecurId.Find("000987654321"));
        Assert.Equal("Kim Lee", Assert.Single(summaries).Properties["Name"].Value);
    }

    [Fact]
    public void ConfirmPreference_None_removes_without_asking_and_Low_makes_Set_ask()
    {
        Shell.RunClean("$ConfirmPreference = 'None'; Get-AuthToken -UserId 42 | Remove-AuthToken");
        Assert.Empty(Shell.Host.Prompts);
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 42);

        // Set-AuthToken is ConfirmImpact Medium: silent at the default 'High', asked at 'Low'.
        Shell.Host.Answers.Enqueue("No");
        Shell.RunClean("$ConfirmPreference = 'Low'; Get-AuthToken -UserId 12345 | Set-AuthToken -Context ReadDocuments; $ConfirmPreference = 'High'");
        var prompt = Assert.Single(Shell.Host.Prompts);
        Assert.Contains("of Ada Lovelace (user 12345) on", prompt);
        Assert.Contains("Set context to ReadDocuments", prompt);
        Assert.DoesNotContain("hand it over", prompt);
        Assert.Equal(0, Emulator.Requests.Entries.Count(e => e.Method == "PUT"));
    }

    [Fact]
    public void Set_names_a_hand_over_only_when_UserId_is_given_on_the_command_line()
    {
        Shell.RunClean("""
            Get-AuthToken -UserId 5 | Set-AuthToken -Context ReadDocuments -WhatIf
            Get-AuthToken -UserId 5 | Set-AuthToken -UserId 42 -WhatIf
            Set-AuthToken -Token $args[0] -Context ReadDocuments -WhatIf
            """, Emulator.Hdc.Tokens[0].Token);
        var lines = Shell.Host.Lines.Where(l => l.StartsWith("What if:", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(0, Writes);
        Assert.Equal(5, lines.Count);
        Assert.All(lines.Take(2), l => Assert.Contains("\"Set context to ReadDocuments\" on target \"auth token ", l));
        Assert.All(lines.Take(2), l => Assert.Contains(" of Grace Hopper (user 5) on ", l)); // the person, as Remove-AuthToken names them
        Assert.All(lines.Skip(2).Take(2), l => Assert.Contains("and hand it over to user 42", l));
        Assert.Contains("(it keeps its user)", lines[4]);
    }

    [Fact]
    public void PassThru_results_are_audit_lines_what_whose_where_when()
    {
        var result = Shell.RunClean("""
            Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false -PassThru
            Remove-SecurIdHardwareToken -SerialNumber '000123456789' -Confirm:$false -PassThru
            """);

        var hdc = result.Output.Where(o => o.TypeNames[0] == "TokenAdmin.AuthTokenRemovalResult").ToList();
        Assert.Equal(2, hdc.Count);
        Assert.All(hdc, r =>
        {
            Assert.Equal(5L, r.Properties["UserId"].Value);
            Assert.Equal("Grace Hopper", r.Properties["UserFullName"].Value);
            Assert.Equal(Emulator.HdcBaseUri, r.Properties["BaseUri"].Value);
            Assert.NotNull(r.Properties["RemovedAt"].Value);
        });
        var securId = Assert.Single(result.Output, o => o.TypeNames[0] == "TokenAdmin.SecurIdTokenRemovalResult");
        Assert.Equal("jdoe", securId.Properties["UserId"].Value);
        Assert.Equal(Emulator.SecurIdAdminRestApiUrl, securId.Properties["AdminRestApiUrl"].Value);
        Assert.Equal("TokenAdmin Demo", securId.Properties["CustomerName"].Value);
    }

    [Fact]
    public void Csv_rows_with_a_UserId_column_name_the_user_in_the_prompt()
    {
        var token = Emulator.Hdc.Tokens.Single(t => t.UserId == 42).Token;
        Shell.Host.Answers.Enqueue("No");
        Shell.RunClean("param($t) \"Token,UserId`n$t,42\" | ConvertFrom-Csv | Remove-AuthToken", token);
        Assert.Contains($"auth token {Fingerprint.Of(token)} of user 42 on", Assert.Single(Shell.Host.Prompts));
        Assert.NotNull(Emulator.Hdc.FindToken(token));
    }
}
