using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Apstrata;

/// <summary>apstrata in the real engine: the three connections, the token round trip, owner batches, refusals, and no secret anywhere.</summary>
public sealed class ApstrataEngineTests : EngineTest
{
    private const string ConnectUser = """
        $userCredential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
        Connect-Apstrata -AuthKey $args[2] -BaseUri $ApstrataUri -Credential $userCredential
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shell.SetVariable("ApstrataUri", Emulator.ApstrataBaseUri);
    }

    [Theory]
    [InlineData("Complex")]
    [InlineData("Simple")]
    public void A_user_token_pipes_into_a_token_connection_which_renews_and_removes_it(string mode)
    {
        var result = Shell.Run($$"""
            $userCredential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
            Connect-Apstrata -AuthKey $args[2] -BaseUri $ApstrataUri -Credential $userCredential -SignatureMode {{mode}}
            $token = New-ApstrataToken -ExpiresAfterSeconds 600 -LifetimeSeconds 3600
            $token | Connect-Apstrata
            $connection = Get-TokenAdminConnection -Service Apstrata
            [pscustomobject]@{ Identity = $connection.Identity; User = $connection.UserName; Type = $token.GetType().FullName }
            $renewed = New-ApstrataToken -Renew
            Remove-ApstrataToken -Confirm:$false -PassThru
            @(Get-TokenAdminConnection | Where-Object Service -eq 'Apstrata').Count
            """, ApstrataDemo.UserLogin, ApstrataDemo.UserPassword, ApstrataDemo.AuthKey);

        Assert.Empty(result.Errors);
        var summary = result.Output[0];
        Assert.Equal("Token", summary.Properties["Identity"].Value);
        Assert.Equal(ApstrataDemo.UserLogin, summary.Properties["User"].Value);
        Assert.Equal("TokenAdmin.ApstrataToken", summary.Properties["Type"].Value);
        Assert.Equal("TokenAdmin.ApstrataTokenRemovalResult", result.Output[1].BaseObject.GetType().FullName);
        Assert.Equal(0, result.Output[2].BaseObject);
        Assert.All(Emulator.Apstrata.Tokens, t => Assert.True(t.ExpiresAt <= Emulator.Apstrata.Now.AddSeconds(5))); // only the renewed-away one, in its 5 s
    }

    [Fact]
    public void The_owner_removes_tokens_of_a_CSV_of_250_logins_in_3_signed_requests()
    {
        var csv = Path.Combine(Scratch, "leavers.csv");
        File.WriteAllText(csv, "Login\n" + string.Join("\n", Enumerable.Range(0, 250).Select(i => $"user{i}@example.com")) + "\n");

        var result = Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force)
            Import-Csv $args[2] | Remove-ApstrataToken -Confirm:$false -PassThru -ThrottleLimit 2
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret, csv);

        Assert.Empty(result.Errors);
        Assert.Equal(250, result.Output.Count);
        Assert.Equal(3, Emulator.Requests.Count(ApstrataRouteNames.DeleteToken));
    }

    [Fact]
    public void WhatIf_names_each_login_and_sends_nothing()
    {
        Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force)
            'amy', 'bob' | Remove-ApstrataToken -WhatIf
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);

        Assert.Empty(Emulator.Requests.Entries);
        Assert.Contains(Shell.Host.Lines, l => l.Contains("apstrata tokens of amy", StringComparison.Ordinal));
        Assert.Contains(Shell.Host.Lines, l => l.Contains("apstrata tokens of bob", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_batch_is_an_error_for_each_of_its_logins()
    {
        Emulator.Faults.Enqueue(ApstrataRouteNames.DeleteToken, FaultStep.Status(500));
        var result = Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force) -MaximumRetryCount 0
            'amy', 'bob', 'cy' | Remove-ApstrataToken -Confirm:$false
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);

        Assert.Equal(new[] { "amy", "bob", "cy" }, result.Errors.Select(e => (string)e.TargetObject).Order());
        Assert.All(result.Errors, e => Assert.Equal("ApstrataInternalError,TokenAdmin.Apstrata.RemoveApstrataTokenCommand", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Contains("a request for 3 logins failed", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_request_for_one_login_is_that_login_s_error_without_a_batch_note()
    {
        Emulator.Faults.Enqueue(ApstrataRouteNames.DeleteToken, FaultStep.Status(500));
        var result = Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force) -MaximumRetryCount 0
            Remove-ApstrataToken -UserLogin amy -Confirm:$false
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);

        var error = Assert.Single(result.Errors);
        Assert.Equal("amy", error.TargetObject);
        Assert.DoesNotContain("a request for", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Logins_piped_with_two_connections_are_each_sent_through_their_own()
    {
        // A request speaks for one connection: logins of records bound to different connections never share one.
        var result = Shell.Run("""
            $secret = ConvertTo-SecureString $args[1] -AsPlainText -Force
            $first = Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret $secret -PassThru
            $second = Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret $secret -PassThru
            [pscustomobject]@{ Login = 'amy'; Connection = $first }, [pscustomobject]@{ Login = 'bob'; Connection = $second },
                [pscustomobject]@{ Login = 'cy'; Connection = $second } | Remove-ApstrataToken -Confirm:$false -PassThru
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Output.Count);
        var sent = Emulator.Requests.Entries.Where(e => e.RouteName == ApstrataRouteNames.DeleteToken)
            .Select(e => string.Join(",", e.Body!.Split('&').Where(p => p.StartsWith("userList=", StringComparison.Ordinal)).Select(p => p["userList=".Length..])))
            .ToArray();
        Assert.Equal(new[] { "amy", "bob,cy" }, sent.Order(StringComparer.Ordinal)); // the two requests may be in flight at once
    }

    [Fact]
    public void A_refused_signature_stops_the_run_and_carries_each_unsent_login()
    {
        var result = Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString 'Not-The-Owner-Secret' -AsPlainText -Force)
            try { 1..250 | ForEach-Object { "user$_" } | Remove-ApstrataToken -Confirm:$false -ThrottleLimit 1 -ErrorAction SilentlyContinue }
            catch { $fatal = $_ }
            [pscustomobject]@{
                Fatal = $fatal.FullyQualifiedErrorId
                NotAttempted = @($fatal.Exception.NotAttempted).Count
                Kinds = @($fatal.Exception.NotAttempted | ForEach-Object { $_.GetType().Name } | Select-Object -Unique)
            }
            """, ApstrataDemo.AuthKey);

        var summary = result.Output.Single();
        Assert.Equal("AuthenticationFailed,TokenAdmin.Apstrata.RemoveApstrataTokenCommand", summary.Properties["Fatal"].Value);
        Assert.Equal(100, summary.Properties["NotAttempted"].Value);
        Assert.Equal(new object[] { "String" }, ((object[])summary.Properties["Kinds"].Value).Select(k => k is System.Management.Automation.PSObject p ? p.BaseObject : k));
        Assert.Equal(1, Emulator.Requests.Count(ApstrataRouteNames.DeleteToken));
    }

    [Fact]
    public void The_wrong_kind_of_connection_is_refused_before_sending()
    {
        var result = Shell.Run($$"""
            {{ConnectUser}}
            Remove-ApstrataToken -UserLogin bob -Confirm:$false
            """, ApstrataDemo.UserLogin, ApstrataDemo.UserPassword, ApstrataDemo.AuthKey);
        var owner = Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force)
            Remove-ApstrataToken -Confirm:$false
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);
        var http = Shell.Run("Connect-Apstrata -AuthKey K1 -BaseUri http://apstrata.example/ -User amy -Token (ConvertTo-SecureString 'tok-1234' -AsPlainText -Force)");

        Assert.Equal("ApstrataWrongConnection,TokenAdmin.Apstrata.RemoveApstrataTokenCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Equal("ApstrataWrongConnection,TokenAdmin.Apstrata.RemoveApstrataTokenCommand", owner.FirstError?.FullyQualifiedErrorId);
        Assert.Contains("this is an owner connection", owner.FirstError!.ToString(), StringComparison.Ordinal); // not "a owner"
        Assert.Equal("InvalidEndpoint,TokenAdmin.Apstrata.ConnectApstrataCommand", http.FirstError?.FullyQualifiedErrorId);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void No_secret_password_hash_signature_or_token_reaches_any_output()
    {
        var result = Shell.Run($$"""
            {{ConnectUser}}
            $token = New-ApstrataToken -Verbose -Debug
            $connection = $token | Connect-Apstrata -PassThru
            $token, $connection | Format-List * -Force | Out-String
            $token | ConvertTo-Json -Depth 3 -WarningAction Ignore
            $token | ConvertTo-Csv
            "$token $connection"
            Connect-Apstrata -AuthKey $args[2] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString 'Wrong-Owner-Secret' -AsPlainText -Force)
            Remove-ApstrataToken -UserLogin bob -Confirm:$false -Verbose -Debug -ErrorVariable e -ErrorAction SilentlyContinue
            $e | Get-Error | Out-String
            """, ApstrataDemo.UserLogin, ApstrataDemo.UserPassword, ApstrataDemo.AuthKey);

        var text = result.AllText();
        Assert.Contains("INVALID_SIGNATURE", text, StringComparison.Ordinal);
        var issued = Assert.Single(Emulator.Apstrata.Tokens);
        var hash = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(ApstrataDemo.UserPassword)));
        AssertNoSecret(text, new[] { ApstrataDemo.UserPassword, ApstrataDemo.OwnerSecret, "Wrong-Owner-Secret", hash, hash.ToLowerInvariant(), issued.Value });
    }
}
