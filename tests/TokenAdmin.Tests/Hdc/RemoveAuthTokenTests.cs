using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Core.Text;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Items;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

public sealed class RemoveAuthTokenTests : HdcTestContext
{
    private const string DeleteRoute = "hdc.tokens.delete";

    [Fact]
    public void Get_by_user_piped_to_remove_revokes_exactly_that_users_tokens()
    {
        Connect();
        var userFive = Run(new GetAuthTokenCommand { UserId = new[] { 5L } }).Output;

        var remove = new RemoveAuthTokenCommand();
        var seam = Run(remove, Piped.Into(remove, userFive));

        Assert.Empty(seam.Errors);
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 5);
        Assert.Equal(2, Emulator.Hdc.Tokens.Count);
        Assert.Equal(2, Emulator.Requests.Count(DeleteRoute));
    }

    [Fact]
    public void PassThru_writes_a_result_per_revoked_token()
    {
        Connect();
        var tokens = TokenValues.Take(2).ToArray();

        var seam = Run(new RemoveAuthTokenCommand { Token = tokens, PassThruPresent = true });

        var results = seam.OutputOf<AuthTokenRemovalResult>().ToList();
        Assert.Equal(tokens.Select(TokenFingerprint.Of).OrderBy(f => f), results.Select(r => r.Fingerprint).OrderBy(f => f));
        Assert.All(results, r => Assert.Equal(Emulator.HdcBaseUri, r.BaseUri));
        Assert.All(results, r => Assert.Equal(Clock.UtcNow, r.RemovedAt));
        AssertNoSecrets(seam, tokens);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_shows_fingerprints_not_values()
    {
        Connect();
        var tokens = Run(new GetAuthTokenCommand()).Output;
        Emulator.Requests.Clear();

        var remove = new RemoveAuthTokenCommand();
        var seam = WhatIf(remove, Piped.Into(remove, tokens));

        Assert.Empty(Emulator.Requests.Entries);
        Assert.Equal(4, Emulator.Hdc.Tokens.Count);
        Assert.Equal(
            tokens.Cast<AuthToken>().Select(t => $"What if: Performing the operation \"Remove auth token\" on target \"auth token {t.Fingerprint} of {t.UserFullName} (user {t.UserId}) on {Emulator.HdcBaseUri}\"."),
            seam.WhatIf);
        AssertNoSecrets(seam, TokenValues);
    }

    [Fact]
    public void One_bad_token_writes_one_error_and_the_rest_are_still_removed()
    {
        Connect();
        var tokens = TokenValues;
        const string bogus = "ffffffffffffffffffffffffffffffffffffffff";

        var remove = new RemoveAuthTokenCommand { ThrottleLimit = 1 };
        var seam = Run(remove, Piped.Into(remove, new object[] { tokens[0], bogus, tokens[1], tokens[2] }));

        var error = Assert.Single(seam.Errors);
        Assert.Equal(HdcErrors.AuthTokenNotFound, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal(TokenFingerprint.Of(bogus), error.TargetObject);
        Assert.Contains($"remove auth token {TokenFingerprint.Of(bogus)}", error.DisplayMessage); // names the item
        Assert.Contains("Get-AuthToken", error.RecommendedAction);
        Assert.DoesNotContain(error.RecommendedAction!, error.DisplayMessage); // the advice is said once
        Assert.Equal(new[] { tokens[3] }, TokenValues);
        AssertNoSecrets(seam, tokens.Append(bogus));
    }

    [Theory]
    [InlineData(403, "PermissionDenied", ErrorCategory.PermissionDenied)]
    [InlineData(409, "Conflict", ErrorCategory.ResourceExists)]
    [InlineData(400, "InvalidRequest", ErrorCategory.InvalidArgument)]
    [InlineData(500, "ServiceError", ErrorCategory.InvalidResult)]
    [InlineData(418, "RequestFailed", ErrorCategory.InvalidOperation)]
    public void Each_error_status_has_its_error_id_and_category(int status, string errorId, ErrorCategory category)
    {
        Connect();
        var token = TokenValues[0];
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(status));

        var error = Assert.Single(Run(new RemoveAuthTokenCommand { Token = new[] { token } }).Errors);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(category, error.Category);
        Assert.Equal(status, ((TokenAdmin.Core.Http.ServiceException)error.Exception).StatusCode);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void Rate_limiting_is_retried_then_reported_as_RateLimited()
    {
        var connect = new RecordingSeam();
        var command = ConnectCommand(connect);
        command.MaximumRetryCount = 2;
        Run(command, seam: connect);
        var tokens = TokenValues;
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(429, "1"), FaultStep.Status(429, "2"),
            FaultStep.Status(429, "3"), FaultStep.Status(429, "4"), FaultStep.Status(429, "5"));

        var seam = Run(new RemoveAuthTokenCommand { Token = new[] { tokens[0] } });
        var second = Run(new RemoveAuthTokenCommand { Token = new[] { tokens[1] } });

        var error = Assert.Single(seam.Errors);
        Assert.Equal(ErrorIds.RateLimited, error.ErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.Category);
        Assert.Contains("-ThrottleLimit", error.RecommendedAction);
        Assert.Empty(second.Errors); // limited twice more, then through
        // 1 and 2: retries; 3: the next command waits out the Retry-After the first gave up on; 4, 5: retries.
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, Clock.Delays.Select(d => (int)d.TotalSeconds));
    }

    [Fact]
    public void Unavailable_service_is_retried_and_a_lost_connection_on_a_delete_too()
    {
        Connect();
        var token = TokenValues[0];
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(503), FaultStep.Abort(), FaultStep.Status(502));

        var seam = Run(new RemoveAuthTokenCommand { Token = new[] { token } });

        Assert.Empty(seam.Errors);
        Assert.Null(Emulator.Hdc.FindToken(token));
        Assert.Equal(4, Emulator.Requests.Count(DeleteRoute));
        Assert.Contains(seam.Verbose, v => v.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public void Refused_credentials_stop_the_whole_pipeline()
    {
        Connect();
        var tokens = TokenValues;
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(401));

        var remove = new RemoveAuthTokenCommand { ThrottleLimit = 1 };
        var seam = Run(remove, Piped.Into(remove, tokens.Cast<object>()));

        Assert.Equal(ErrorIds.AuthenticationFailed, seam.Terminating?.ErrorId);
        Assert.Equal(1, Emulator.Requests.Count(DeleteRoute));
    }

    [Fact]
    public void ThrottleLimit_bounds_concurrent_requests_and_progress_counts_them()
    {
        Connect();
        var extra = Enumerable.Range(0, 8).Select(_ => Emulator.Hdc.AddToken(5, "ReadDocuments").Token).ToArray();
        Emulator.Faults.SetLatency(DeleteRoute, TimeSpan.FromMilliseconds(50));

        var seam = Run(new RemoveAuthTokenCommand { Token = extra, ThrottleLimit = 3 });

        Assert.Empty(seam.Errors);
        Assert.All(extra, t => Assert.Null(Emulator.Hdc.FindToken(t)));
        var deletes = Emulator.Requests.Entries.Where(e => e.RouteName == DeleteRoute).ToList();
        var mostInFlight = deletes.Max(d => deletes.Count(o => o.ArrivedAt <= d.ArrivedAt && o.CompletedAt > d.ArrivedAt));
        Assert.InRange(mostInFlight, 1, 3);
        Assert.Equal("8 of 8 done", seam.Progress[^2].Status);
        Assert.Equal(100, seam.Progress[^2].PercentComplete);
        Assert.True(seam.Progress[^1].Completed);
    }

    [Fact]
    public void A_single_removal_shows_no_progress_bar()
    {
        Connect();

        var seam = Run(new RemoveAuthTokenCommand { Token = new[] { TokenValues[0] } });

        Assert.Empty(seam.Progress);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stopping_cancels_requests_in_flight()
    {
        Connect();
        var token = TokenValues[0];
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Hang());
        var command = new RemoveAuthTokenCommand { Token = new[] { token } };

        var running = Task.Factory.StartNew(() => Run(command), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Emulator.Requests.WaitForArrivalAsync(DeleteRoute);
        command.InvokeStop(); // what PowerShell does on Ctrl+C

        var seam = await running;
        var entry = await Emulator.Requests.WaitForCompletionAsync(DeleteRoute);
        Assert.True(entry.Aborted);
        Assert.Empty(seam.Errors); // stopping is not an error
        Assert.NotNull(Emulator.Hdc.FindToken(token));
    }

    [Fact]
    public void Invalid_input_is_refused_before_any_request()
    {
        Connect();
        Emulator.Requests.Clear();

        var seam = Run(new RemoveAuthTokenCommand { Token = new[] { "   " } });

        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(seam.Errors).ErrorId);
        Assert.Empty(Emulator.Requests.Entries);
    }
}
