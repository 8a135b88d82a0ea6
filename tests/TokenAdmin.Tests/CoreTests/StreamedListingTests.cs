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
/// The token listing is streamed from the response: tokens are handed on as they arrive, the body is
/// bounded by count and time rather than by its size, and a listing that fails part-way is never read twice.
/// </summary>
public sealed class StreamedListingTests : IAsyncLifetime
{
    private const string ListRoute = "hdc.tokens.list";
    private const string Json = "application/json";

    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_first_tokens_are_handed_on_while_the_body_is_still_arriving()
    {
        using var client = Client();
        _emulator.Faults.Enqueue(ListRoute, FaultStep.Status(200, body: ListPrefix(3) + """,{"userId":5,"tok""", contentType: Json).ThenHang());
        var first = new TaskCompletionSource<IReadOnlyList<HdcTokenInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var listing = client.ListTokensAsync((batch, _) =>
        {
            first.TrySetResult(batch.ToArray());
            return default;
        }, new RequestContext(stop.Token));

        var tokens = await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { "t0", "t1", "t2" }, tokens.Select(t => t.Token));
        Assert.False(listing.IsCompleted); // the body never ended; the tokens came anyway
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
    }

    [Fact]
    public async Task A_listing_larger_than_the_response_size_limit_is_read_whole_because_it_is_never_held_whole()
    {
        for (var i = 0; i < 20_000; i++)
        {
            _emulator.Hdc.AddToken(5, "ReadDocuments");
        }

        using var client = Client(maxResponseBytes: 1024 * 1024); // the body is about 3 MiB

        var tokens = await client.ListTokensAsync(new RequestContext(Timeout()));

        Assert.Equal(_emulator.Hdc.Tokens.Select(t => t.Token), tokens.Select(t => t.Token));
    }

    [Fact]
    public async Task A_listing_that_stops_arriving_ends_at_the_timeout_and_is_not_retried()
    {
        using var client = Client(timeoutSec: 1);
        _emulator.Faults.Enqueue(ListRoute, FaultStep.Status(200, body: ListPrefix(2), contentType: Json).ThenHang());
        var seen = new List<HdcTokenInfo>();

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListTokensAsync((batch, _) =>
        {
            seen.AddRange(batch);
            return default;
        }, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.Timeout, failure.Failure);
        Assert.Contains("while reading the body", failure.Message, StringComparison.Ordinal);
        Assert.Contains("does not repeat", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, seen.Count);
        Assert.Equal(1, _emulator.Requests.Count(ListRoute));
    }

    [Fact]
    public async Task A_listing_malformed_part_way_is_an_UnexpectedResponse_after_the_tokens_before_it_and_is_not_retried()
    {
        using var client = Client();
        _emulator.Faults.Enqueue(ListRoute, FaultStep.Status(200, body: ListPrefix(2) + """,{"userId":5}]}""", contentType: Json));
        var seen = new List<HdcTokenInfo>();

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListTokensAsync((batch, _) =>
        {
            seen.AddRange(batch);
            return default;
        }, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.UnexpectedResponse, failure.Failure);
        Assert.Contains("no \"token\" value", failure.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "t0", "t1" }, seen.Select(t => t.Token));
        Assert.Equal(1, _emulator.Requests.Count(ListRoute));
    }

    [Fact]
    public async Task An_error_answer_to_a_streamed_listing_is_retried_and_still_read_within_the_size_limit()
    {
        using var client = Client(maxResponseBytes: 64 * 1024);
        _emulator.Faults.Enqueue(ListRoute, FaultStep.Status(503, retryAfter: "0"), FaultStep.Status(500, body: new string('x', 256 * 1024), contentType: "text/plain"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListTokensAsync(new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.ResponseTooLarge, failure.Failure);
        Assert.Equal(2, _emulator.Requests.Count(ListRoute));
    }

    [Fact]
    public async Task A_login_page_instead_of_the_listing_is_an_UnexpectedResponse_and_shows_no_credential()
    {
        using var client = Client();
        _emulator.Faults.Enqueue(ListRoute, FaultStep.Status(200, body: "<html>Sign in</html>", contentType: "text/html"));
        var trace = new RecordingTrace();

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListTokensAsync(trace.Call(Timeout())));

        Assert.Equal(ServiceFailure.UnexpectedResponse, failure.Failure);
        Assert.DoesNotContain(DemoCredentials.HdcAdminPassword, failure.Message + trace.All, StringComparison.Ordinal);
    }

    private static string ListPrefix(int count) =>
        """{"list":[""" + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"userId":5,"token":"t{{i}}","context":[{"name":"ReadDocuments","code":2}]}"""));

    private HdcClient Client(long maxResponseBytes = ConnectionOptions.DefaultMaxResponseBytes, int timeoutSec = 30) =>
        new(new ConnectionOptions(_emulator.HdcBaseUri) { MaximumRetryCount = 2, MaxResponseBytes = maxResponseBytes, TimeoutSec = timeoutSec },
            new BasicAuthenticator(DemoCredentials.HdcAdminUserName, SecretText.Protect(DemoCredentials.HdcAdminPassword)), new VirtualClock());

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
