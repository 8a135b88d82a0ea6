using System;
using System.Linq;
using System.Threading.Tasks;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.PowerClerk;

/// <summary>PowerClerk in the real engine: the cmdlets, binding, -WhatIf, errors, views and every secret kept out.</summary>
public sealed class PowerClerkEngineTests : EngineTest
{
    private const string Connect = """
        $credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
        $apiKey = ConvertTo-SecureString $args[2] -AsPlainText -Force
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shell.SetVariable("PowerClerkUri", Emulator.PowerClerkBaseUri);
    }

    [Fact]
    public void The_full_flow_with_a_TOTP_seed_creates_uses_and_removes_an_MFA_session_token()
    {
        var result = Shell.RunClean($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey -TotpSecret (ConvertTo-SecureString $args[3] -AsPlainText -Force)
            $session = New-MfaSessionToken -ExpiresAfterMinutes 30 -Confirm:$false
            $held = Get-TokenAdminConnection -Service PowerClerk
            [pscustomobject]@{ Id = $session.TokenId; Type = $session.GetType().FullName; Held = $held.SessionTokenId; Mfa = $held.UsesMfa; Factor = $held.SecondFactor }
            $session | Remove-MfaSessionToken -Confirm:$false -PassThru
            (Get-TokenAdminConnection -Service PowerClerk).SessionTokenId
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret);

        var summary = result.Output[0];
        Assert.Equal("TokenAdmin.MfaSessionToken", summary.Properties["Type"].Value);
        Assert.Equal(summary.Properties["Id"].Value, summary.Properties["Held"].Value);
        Assert.True((bool)summary.Properties["Mfa"].Value);
        Assert.Equal("SessionToken", summary.Properties["Factor"].Value);
        Assert.Equal("TokenAdmin.MfaSessionTokenRemovalResult", result.Output[1].BaseObject.GetType().FullName);
        Assert.Null(result.Output[2]); // the connection forgot the removed token
        Assert.Empty(Emulator.PowerClerk.SessionTokens);
    }

    [Fact]
    public void Removing_the_connection_s_own_token_asks_first_at_the_default_ConfirmPreference()
    {
        Shell.Host.Answers.Enqueue("No");
        Shell.Run($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey -TotpSecret (ConvertTo-SecureString $args[3] -AsPlainText -Force)
            $null = New-MfaSessionToken -Confirm:$false
            Remove-MfaSessionToken
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret);

        var prompt = Assert.Single(Shell.Host.Prompts);
        Assert.Contains("MFA session token", prompt, StringComparison.Ordinal);
        Assert.Single(Emulator.PowerClerk.SessionTokens); // answered No: nothing removed
    }

    [Fact]
    public void WhatIf_sends_nothing_and_says_the_previous_token_is_deleted()
    {
        var result = Shell.Run($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey -TotpCode 123456
            New-MfaSessionToken -WhatIf
            Remove-MfaSessionToken -TokenId RXKVCEZTR0GN -WhatIf
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey);

        Assert.Empty(Emulator.Requests.Entries);
        Assert.Contains(Shell.Host.Lines, l => l.Contains("deletes the user's previous MFA session token", StringComparison.Ordinal));
        Assert.Contains(Shell.Host.Lines, l => l.Contains("RXKVCEZTR0GN", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_second_factor_is_AuthenticationFailed_saying_none_was_sent()
    {
        var result = Shell.Run($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey
            Remove-MfaSessionToken -TokenId RXKVCEZTR0GN -Confirm:$false
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey);

        var error = result.FirstError!;
        Assert.Equal("AuthenticationFailed,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand", error.FullyQualifiedErrorId);
        Assert.Contains("MFA_REQUIRED", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("-TotpSecret", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_401_is_explained_by_what_the_connection_sent()
    {
        Emulator.Faults.Enqueue(TokenAdmin.Emulator.PowerClerkRouteNames.CreateSessionToken, TokenAdmin.Emulator.FaultStep.Status(401, body: string.Empty, contentType: "text/plain"));
        var result = Shell.Run($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey -TotpCode 123456
            New-MfaSessionToken -Confirm:$false
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey);

        var error = result.FirstError!;
        Assert.Equal("AuthenticationFailed,TokenAdmin.PowerClerk.NewMfaSessionTokenCommand", error.FullyQualifiedErrorId);
        Assert.Contains("one-time code", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        AssertNoSecret(result.AllText(), new[] { "123456", PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey });
    }

    [Fact]
    public void An_unknown_token_id_is_MfaSessionTokenNotFound_and_path_injection_is_refused_before_sending()
    {
        var result = Shell.Run($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey
            'NOSUCHTOKEN1', '../x', 'RXKV%2F00', 'a b', ('A' * 1024) | Remove-MfaSessionToken -Confirm:$false
            """, PowerClerkDemo.PlainUserName, PowerClerkDemo.PlainPassword, PowerClerkDemo.ApiKey);

        Assert.Equal(5, result.Errors.Count);
        var notFound = Assert.Single(result.Errors, e => e.FullyQualifiedErrorId == "MfaSessionTokenNotFound,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand");
        Assert.Equal("NOSUCHTOKEN1", notFound.TargetObject);
        Assert.Equal(4, result.Errors.Count(e => e.FullyQualifiedErrorId == "InvalidArgument,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand"));
        Assert.Single(Emulator.Requests.Entries);
        Assert.All(result.Errors, e => Assert.True(e.ToString().Length < 400));
    }

    [Fact]
    public void No_password_api_key_seed_code_or_session_token_reaches_any_output()
    {
        var result = Shell.Run($$"""
            {{Connect}}
            $seed = ConvertTo-SecureString $args[3] -AsPlainText -Force
            $connection = Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey -TotpSecret $seed -PassThru -Verbose -Debug
            $session = New-MfaSessionToken -Confirm:$false -Verbose -Debug
            $connection, $session | Format-List * -Force | Out-String
            $connection, $session | Format-Table | Out-String -Width 80
            $session | ConvertTo-Json -Depth 3 -WarningAction Ignore
            $session | ConvertTo-Csv
            "$session $connection"
            Remove-MfaSessionToken -TokenId NOSUCHTOKEN1 -Confirm:$false -Verbose -Debug -ErrorVariable e -ErrorAction SilentlyContinue
            $e | Get-Error | Out-String
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret);

        var text = result.AllText();
        Assert.Contains("SessionTokenId", text, StringComparison.Ordinal);
        var issued = Assert.Single(Emulator.PowerClerk.SessionTokens);
        AssertNoSecret(text, new[] { PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret, issued.Token,
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{PowerClerkDemo.MfaUserName}:{PowerClerkDemo.MfaPassword}")) });
    }

    [Fact]
    public void Renewal_needs_a_TOTP_seed_and_is_refused_without_one()
    {
        var result = Shell.Run($$"""
            {{Connect}}
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $apiKey -TotpCode 123456 -SessionTokenRenewalMinutes 5
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey);

        Assert.Equal("InvalidArgument,TokenAdmin.PowerClerk.ConnectPowerClerkCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Contains("-TotpSecret", result.FirstError!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_warns_that_a_seed_beside_the_password_weakens_MFA()
    {
        var result = Shell.RunClean("Get-Help Connect-PowerClerk -Full | Out-String -Width 200");
        Assert.Contains("WARNING: a TOTP seed kept beside the password", result.Text, StringComparison.Ordinal);
    }
}
