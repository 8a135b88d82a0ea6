using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Faults;

/// <summary>
/// Secrets never reach an output channel, whatever the service echoes or the user types into a URL;
/// and a hostile body cannot exhaust memory. Each output is rendered the ways users look at errors.
/// </summary>
public sealed class HostileServiceTests : EngineTest
{
    private const string ShowEverything = "| ForEach-Object { $_ | Format-List * -Force | Out-String; $_ | Get-Error | Out-String; $_.CategoryInfo | Out-String; \"$($_.TargetObject)\" }";

    private static readonly string BasicCredential =
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DemoCredentials.HdcAdminUserName}:{DemoCredentials.HdcAdminPassword}"));

    [Fact]
    public void A_reason_phrase_and_request_id_echoing_the_credential_reach_no_output()
    {
        ConnectHdc();
        var victim = Emulator.Hdc.Tokens[0].Token;
        Emulator.Faults.Enqueue("hdc.tokens.delete", FaultStep.Status(500, reasonPhrase: $"Oops {FaultStep.AuthorizationPlaceholder}",
            headers: new Dictionary<string, string> { ["X-Request-Id"] = $"r-9 {FaultStep.AuthorizationPlaceholder}" }));

        var result = Shell.Run($"Remove-AuthToken -Token $args[0] -Confirm:$false -Verbose -Debug -ErrorVariable e; $e {ShowEverything}; $e[0].Exception.RequestId", victim);

        Assert.Equal("ServiceError,TokenAdmin.Hdc.RemoveAuthTokenCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Contains("Oops", result.AllText(), StringComparison.Ordinal);
        AssertNoSecret(result.AllText(), Secrets().Append(BasicCredential));
    }

    [Fact]
    public void A_password_typed_into_the_base_uri_is_in_no_view_of_the_error()
    {
        var result = Shell.Run($"""
            $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'x' -AsPlainText -Force))
            Connect-AuthTokenService -BaseUri $args[0] -Credential $credential -ErrorVariable e -ErrorAction SilentlyContinue
            $e {ShowEverything}
            """, "http://demo:Demo-Url-Passw0rd@127.0.0.1:1/hdc/"); // a variable: the command line PowerShell echoes is the user's own

        Assert.Contains("must not contain a user name or password", result.AllText(), StringComparison.Ordinal);
        AssertNoSecret(result.AllText(), new[] { "Demo-Url-Passw0rd" });
    }

    [Fact]
    public void A_proxy_url_with_a_password_is_refused_and_never_shown()
    {
        var result = Shell.Run($"""
            $credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
            Connect-AuthTokenService -BaseUri $HdcUri -Credential $credential -Proxy $args[2] -ErrorVariable e -ErrorAction SilentlyContinue
            $e {ShowEverything}
            Get-TokenAdminConnection | ConvertTo-Json -Depth 3 -WarningAction Ignore
            """, DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword, "http://proxy.user:Proxy-Url-Passw0rd@127.0.0.1:3128/");

        Assert.Contains("-ProxyCredential", result.AllText(), StringComparison.Ordinal);
        AssertNoSecret(result.AllText(), new[] { "Proxy-Url-Passw0rd" });
    }

    [Fact]
    public void A_bearer_token_read_with_its_trailing_newline_connects()
    {
        var result = Shell.Run("Connect-AuthTokenService -BaseUri $HdcUri -AccessToken (ConvertTo-SecureString \"$($args[0])`n\" -AsPlainText -Force) -PassThru",
            DemoCredentials.HdcAdminAccessToken);

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
    }

    [Fact]
    public void A_bearer_token_with_a_line_break_inside_is_refused_without_showing_it()
    {
        var broken = DemoCredentials.HdcAdminAccessToken[..10] + "\r\n" + DemoCredentials.HdcAdminAccessToken[10..];
        var result = Shell.Run($"Connect-AuthTokenService -BaseUri $HdcUri -AccessToken (ConvertTo-SecureString $args[0] -AsPlainText -Force) -ErrorVariable e -ErrorAction SilentlyContinue; $e {ShowEverything}", broken);

        Assert.Equal("InvalidCredential,TokenAdmin.Hdc.ConnectAuthTokenServiceCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.IsNotType<ArgumentException>(result.FirstError!.Exception);
        AssertNoSecret(result.AllText(), new[] { DemoCredentials.HdcAdminAccessToken[..10], DemoCredentials.HdcAdminAccessToken[12..] });
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void A_verbose_preference_set_as_a_string_in_a_function_switches_the_http_trace_on()
    {
        ConnectHdc();
        var result = Shell.Run("function Show-Tokens { $VerbosePreference = 'Continue'; Get-AuthToken | Out-Null }; Show-Tokens");

        Assert.Contains(result.Verbose, v => v.Message.StartsWith("HTTP GET", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gzip_bomb_is_stopped_at_the_response_limit_and_not_retried()
    {
        ConnectHdc();
        Emulator.Requests.Clear(); // Connect-AuthTokenService checks the credentials with this listing
        Emulator.Faults.Enqueue("hdc.contexts.list", FaultStep.LargeBody(1024L * 1024 * 1024, gzip: true));

        var result = Shell.Run("Get-AuthTokenContext");

        Assert.Equal("ResponseTooLarge,TokenAdmin.Hdc.GetAuthTokenContextCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Equal(1, Emulator.Requests.Count("hdc.contexts.list"));
    }

    [Fact]
    public void A_gzip_bomb_instead_of_the_streamed_token_listing_is_refused_as_it_begins_and_not_retried()
    {
        ConnectHdc();
        Emulator.Faults.Enqueue("hdc.tokens.list", FaultStep.LargeBody(1024L * 1024 * 1024, gzip: true));

        var result = Shell.Run("Get-AuthToken");

        Assert.Equal("UnexpectedResponse,TokenAdmin.Hdc.GetAuthTokenCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Equal(1, Emulator.Requests.Count("hdc.tokens.list"));
    }
}
