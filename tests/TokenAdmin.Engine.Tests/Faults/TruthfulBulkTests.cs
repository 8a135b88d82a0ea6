using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Faults;

/// <summary>
/// In the real engine, every item of a bulk removal ends as exactly one of: done (a -PassThru
/// result), failed with its own error, or not attempted and carried by the terminating error.
/// </summary>
public sealed class TruthfulBulkTests : EngineTest
{
    private const string DeleteRoute = "hdc.tokens.delete";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectHdc();
    }

    [Fact]
    public void A_removal_applied_before_the_connection_broke_is_reported_done_not_not_found()
    {
        var victim = Emulator.Hdc.Tokens[0].Token;
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.AbortAfterApplying());

        var result = Shell.Run("Remove-AuthToken -Token $args[0] -Confirm:$false -PassThru -Verbose", victim);

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        Assert.Null(Emulator.Hdc.FindToken(victim));
        Assert.Contains(result.Verbose, v => v.Message.Contains("already gone after a retry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_SecurID_deletion_applied_before_the_connection_broke_is_reported_done()
    {
        ConnectSecurId();
        var serial = Emulator.SecurId.Tokens[0].TokenSerialNumber;
        Emulator.Faults.Enqueue("securid.tokens.delete", FaultStep.AbortAfterApplying());

        var result = Shell.Run("Remove-SecurIdHardwareToken -SerialNumber $args[0] -Confirm:$false -PassThru", serial);

        Assert.Empty(result.Errors);
        Assert.Equal(serial, result.Output.Single().Properties["SerialNumber"].Value);
    }

    [Fact]
    public void A_login_page_answered_with_200_is_an_UnexpectedResponse_and_no_result()
    {
        var victim = Emulator.Hdc.Tokens[0].Token;
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(200, body: "<html><head><title>Sign in</title></head></html>", contentType: "text/html"));

        var result = Shell.Run("Remove-AuthToken -Token $args[0] -Confirm:$false -PassThru", victim);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("UnexpectedResponse,TokenAdmin.Hdc.RemoveAuthTokenCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("HTML page", error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(Emulator.Hdc.FindToken(victim));
        AssertNoSecret(result.AllText());
    }

    [Fact]
    public void A_SecurID_deletion_answered_with_a_login_page_is_an_UnexpectedResponse()
    {
        ConnectSecurId();
        var serial = Emulator.SecurId.Tokens[0].TokenSerialNumber;
        Emulator.Faults.Enqueue("securid.tokens.delete", FaultStep.Status(200, body: "<!DOCTYPE html><html>Sign in</html>", contentType: "text/html"));

        var result = Shell.Run("Remove-SecurIdHardwareToken -SerialNumber $args[0] -Confirm:$false -PassThru", serial);

        Assert.Empty(result.Output);
        Assert.Equal("UnexpectedResponse,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.NotNull(Emulator.SecurId.Find(serial));
    }

    [Fact]
    public void A_401_mid_run_drains_what_is_in_flight_and_carries_what_was_never_sent()
    {
        for (var i = 0; i < 26; i++)
        {
            Emulator.Hdc.AddToken(5, "ReadDocuments");
        }

        var total = Emulator.Hdc.Tokens.Count;
        // The 9th removal to arrive is refused, as every later one would be; slow answers keep others in flight.
        Emulator.Faults.SetLatency(DeleteRoute, TimeSpan.FromMilliseconds(30));
        Emulator.Faults.Enqueue(DeleteRoute, Enumerable.Range(0, 8).Select(_ => FaultStep.Pass()).Append(FaultStep.Status(401)).ToArray());

        var result = Shell.Run("""
            $tokens = (Get-AuthToken).Token
            try {
                Remove-AuthToken -Token $tokens -Confirm:$false -PassThru -ThrottleLimit 4 -OutVariable done -ErrorVariable failed | Out-Null
            }
            catch { $fatal = $_ }
            $script:notAttempted = $fatal.Exception.NotAttempted
            [pscustomobject]@{
                Done = @($done).Count
                Failed = @($failed | Where-Object { -not [object]::ReferenceEquals($_, $fatal) -and $_.FullyQualifiedErrorId -notlike 'AuthenticationFailed*' }).Count
                Fatal = $fatal.FullyQualifiedErrorId
                NotAttempted = @($fatal.Exception.NotAttempted).Count
                Message = $fatal.ToString()
                Kinds = @($fatal.Exception.NotAttempted | ForEach-Object { $_.GetType().FullName } | Select-Object -Unique)
                Shown = ($fatal | Get-Error | Out-String) + ($fatal.Exception | ConvertTo-Json -Depth 4 -WarningAction Ignore)
            }
            """);

        var summary = result.Output.Single();
        var done = (int)summary.Properties["Done"].Value;
        var notAttempted = (int)summary.Properties["NotAttempted"].Value;
        Assert.Equal("AuthenticationFailed,TokenAdmin.Hdc.RemoveAuthTokenCommand", summary.Properties["Fatal"].Value);
        // Nothing removed on the server went unreported, and every item is accounted for exactly once.
        var removed = total - Emulator.Hdc.Tokens.Count;
        Assert.Equal(removed, done);
        var refused = Emulator.Requests.Entries.Count(e => e.RouteName == DeleteRoute && e.StatusCode == 401);
        Assert.Equal(total, done + refused + notAttempted);
        Assert.True(notAttempted > 0);
        Assert.Contains($"{notAttempted} more items were not attempted", (string)summary.Properties["Message"].Value, StringComparison.Ordinal);
        Assert.Equal(new object[] { "TokenAdmin.AuthTokenReference" }, ((object[])summary.Properties["Kinds"].Value).Select(k => k is PSObject p ? p.BaseObject : k));
        AssertNoSecret((string)summary.Properties["Shown"].Value);

        // The items carried can be retried as they are, once the cause is fixed.
        var retried = Shell.Run("$script:notAttempted | Remove-AuthToken -Confirm:$false -PassThru");
        Assert.Empty(retried.Errors);
        Assert.Equal(notAttempted, retried.Output.Count);
        Assert.Equal(total - done - notAttempted, Emulator.Hdc.Tokens.Count);
    }

    [Fact]
    public void A_stop_in_a_piped_run_says_the_rest_of_the_pipeline_was_not_read_and_running_the_query_again_finishes_the_job()
    {
        for (var i = 0; i < 40; i++)
        {
            Emulator.Hdc.AddToken(42, "ReadDocuments");
        }

        // The 4th removal is refused, as every later one would be; the upstream listing still holds most tokens.
        Emulator.Faults.Enqueue(DeleteRoute, Enumerable.Range(0, 3).Select(_ => FaultStep.Pass()).Append(FaultStep.Status(401)).ToArray());
        var result = Shell.Run("""
            try { Get-AuthToken -UserId 42 | Remove-AuthToken -Confirm:$false -ThrottleLimit 1 -ErrorAction Stop }
            catch [TokenAdmin.TokenAdminException] { $fatal = $_ }
            $fatal.ToString()
            Get-AuthToken -UserId 42 | Remove-AuthToken -Confirm:$false     # the README's recipe: the same query again
            @(Get-AuthToken -UserId 42).Count
            """);

        var message = (string)result.Output[0].BaseObject;
        Assert.Contains("Input still in the pipeline was not read", message, StringComparison.Ordinal);
        Assert.Contains("run the same query again", message, StringComparison.Ordinal);
        Assert.Equal(0, result.Output[^1].BaseObject);
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 42);
    }

    [Fact]
    public void A_stop_with_every_item_on_the_command_line_lists_them_all_and_says_nothing_of_a_pipeline()
    {
        for (var i = 0; i < 9; i++)
        {
            Emulator.Hdc.AddToken(12345, "ReadDocuments"); // 10 with the seed's one
        }

        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Pass(), FaultStep.Status(401));
        var result = Shell.Run("""
            $tokens = (Get-AuthToken -UserId 12345).Token
            try { Remove-AuthToken -Token $tokens -Confirm:$false -ThrottleLimit 1 -ErrorAction Stop }
            catch [TokenAdmin.TokenAdminException] { $fatal = $_ }
            [pscustomobject]@{ Message = $fatal.ToString(); Left = @($fatal.Exception.NotAttempted).Count }
            """);

        var summary = result.Output.Single();
        Assert.Equal(8, summary.Properties["Left"].Value); // 1 done, 1 refused, 8 received and never sent
        Assert.Contains("8 more items were not attempted (received, never sent)", (string)summary.Properties["Message"].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("pipeline", (string)summary.Properties["Message"].Value, StringComparison.Ordinal);
    }
}
