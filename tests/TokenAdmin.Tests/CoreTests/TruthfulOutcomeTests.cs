using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>
/// What the core reports is what happened on the service: a retried removal that finds the token
/// gone succeeded; a 2xx that is not the documented success is an error; a later attempt's failure
/// says when an earlier one may have done the work. Real HTTP against the emulator, virtual time.
/// </summary>
public sealed class TruthfulOutcomeTests : IAsyncLifetime
{
    private const string DeleteRoute = "hdc.tokens.delete";
    private const string UpdateRoute = "hdc.tokens.update";

    private readonly VirtualClock _clock = new();
    private EmulatorHost _emulator = null!;
    private HdcClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync();
        _client = Client(maximumRetryCount: 4);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_delete_applied_before_the_connection_broke_is_reported_done_when_the_retry_finds_it_gone()
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.AbortAfterApplying());
        var trace = new RecordingTrace();

        await _client.DeleteTokenAsync(token, trace.Call(Timeout()));

        Assert.Null(_emulator.Hdc.FindToken(token));
        var attempts = _emulator.Requests.Entries.Where(e => e.RouteName == DeleteRoute).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[0].Aborted);
        Assert.Equal(404, attempts[1].StatusCode);
        Assert.Contains(trace.Verbose, line => line.Contains("already gone after a retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delete_that_timed_out_after_applying_is_done_too()
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(504));

        // 504 from a gateway: the service may have acted. Here it did not, so the retry removes it.
        await _client.DeleteTokenAsync(token, new RequestContext(Timeout()));

        Assert.Null(_emulator.Hdc.FindToken(token));
        Assert.Equal(new int?[] { 504, 204 }, _emulator.Requests.Entries.Where(e => e.RouteName == DeleteRoute).Select(e => e.StatusCode));
    }

    [Fact]
    public async Task A_404_to_the_first_attempt_is_still_not_found()
    {
        var failure = await Assert.ThrowsAsync<ServiceException>(() => _client.DeleteTokenAsync("no-such-token-0001", new RequestContext(Timeout())));

        Assert.Equal(404, failure.StatusCode);
        Assert.False(failure.OutcomeUnknown);
    }

    [Fact]
    public async Task A_404_after_a_503_is_still_not_found_because_a_503_says_the_service_did_nothing()
    {
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(503, "1"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => _client.DeleteTokenAsync("no-such-token-0002", new RequestContext(Timeout())));

        Assert.Equal(404, failure.StatusCode);
        Assert.False(failure.OutcomeUnknown);
    }

    [Fact]
    public async Task When_retries_run_out_after_an_unknown_outcome_the_error_says_the_service_may_have_done_it()
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        using var client = Client(maximumRetryCount: 1);
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.AbortAfterApplying(), FaultStep.Status(429, "1"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.DeleteTokenAsync(token, new RequestContext(Timeout())));

        Assert.Equal(429, failure.StatusCode);
        Assert.True(failure.OutcomeUnknown);
        Assert.Contains("outcome unknown", failure.Message, StringComparison.Ordinal);
        Assert.Null(_emulator.Hdc.FindToken(token)); // and indeed it did
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Session expired</body></html>", "text/html", "an HTML page")]
    [InlineData("{\"success\": tru", "application/json", "not JSON")]
    [InlineData("[1,2]", "application/json", "not an object")]
    public async Task A_2xx_that_is_not_the_documented_success_is_an_unexpected_response_and_is_not_retried(string body, string contentType, string said)
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(200, body: body, contentType: contentType));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => _client.DeleteTokenAsync(token, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.UnexpectedResponse, failure.Failure);
        Assert.Contains(said, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Length < 500, failure.Message);
        Assert.Equal(1, _emulator.Requests.Count(DeleteRoute));
        Assert.NotNull(_emulator.Hdc.FindToken(token)); // the token is still there, and the error says so by existing
    }

    [Fact]
    public async Task A_failure_reported_inside_a_2xx_carries_the_service_code_and_is_not_retried()
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(200, body: "{\"success\":false,\"errorCode\":\"TOKEN_LOCKED\",\"message\":\"Token is locked\"}"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => _client.DeleteTokenAsync(token, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.ReportedInSuccess, failure.Failure);
        Assert.Equal("TOKEN_LOCKED", failure.ServiceErrorCode);
        Assert.Contains("reported a failure (TOKEN_LOCKED): Token is locked", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.Requests.Count(DeleteRoute));
        Assert.NotNull(_emulator.Hdc.FindToken(token));
    }

    [Theory]
    [InlineData(204, null)]
    [InlineData(200, "{\"success\":true}")]
    [InlineData(200, "{}")]
    public async Task Documented_and_harmless_success_bodies_are_success(int status, string? body)
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        _emulator.Faults.Enqueue(UpdateRoute, FaultStep.Status(status, body: body));

        await _client.UpdateTokenAsync(token, 5, new[] { "ReadDocuments" }, new RequestContext(Timeout()));
    }

    [Fact]
    public async Task An_update_answered_with_a_login_page_is_unexpected()
    {
        var token = _emulator.Hdc.AddToken(5, "ReadDocuments").Token;
        _emulator.Faults.Enqueue(UpdateRoute, FaultStep.Status(200, body: "<html><body>Login</body></html>", contentType: "text/html"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => _client.UpdateTokenAsync(token, 5, new[] { "UploadDocuments" }, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.UnexpectedResponse, failure.Failure);
        Assert.Equal(new[] { "ReadDocuments" }, _emulator.Hdc.FindToken(token)!.Contexts.Select(c => c.Name));
    }

    private HdcClient Client(int maximumRetryCount) =>
        new(new ConnectionOptions(_emulator.HdcBaseUri) { MaximumRetryCount = maximumRetryCount },
            new BasicAuthenticator(DemoCredentials.HdcAdminUserName, SecretText.Protect(DemoCredentials.HdcAdminPassword)), _clock);

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
