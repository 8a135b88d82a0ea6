using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Faults;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    [Fact]
    public async Task Steps_are_consumed_one_per_request_in_order_then_requests_are_served()
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(429, retryAfter: "2"), FaultStep.Status(503), FaultStep.Status(500));

        using var first = await ListTokensAsync();
        using var second = await ListTokensAsync();
        using var third = await ListTokensAsync();
        using var fourth = await ListTokensAsync();

        await first.AssertHdcErrorAsync(429, "TOO_MANY_REQUESTS");
        Assert.Equal("2", first.Header("Retry-After"));
        await second.AssertHdcErrorAsync(503, "SERVICE_UNAVAILABLE");
        Assert.False(second.Headers.Contains("Retry-After"));
        await third.AssertHdcErrorAsync(500, "INTERNAL_ERROR");
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(0, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
    }

    [Fact]
    public async Task Over_a_concurrency_limit_a_request_gets_429_at_once_and_under_it_is_served()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Host.Faults.SetConcurrencyLimit(HdcRouteNames.ListTokens, 2, retryAfter: "1");
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Pass().After(release.Task), FaultStep.Pass().After(release.Task));
        var held = new[] { ListTokensAsync(), ListTokensAsync() };
        while (Host.Faults.PendingSteps(HdcRouteNames.ListTokens) > 0)
        {
            await Task.Yield(); // both held requests have taken their step: two are being served
        }

        using var refused = await ListTokensAsync();

        await refused.AssertHdcErrorAsync(429, "TOO_MANY_REQUESTS");
        Assert.Equal("1", refused.Header("Retry-After"));
        Assert.Equal("concurrency-limit", Host.Requests.Entries.Single(e => e.StatusCode == 429).Fault);
        release.SetResult();
        foreach (var response in await Task.WhenAll(held))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        using var served = await ListTokensAsync();
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Retry_After_is_sent_verbatim_even_as_an_HTTP_date()
    {
        const string HttpDate = "Wed, 21 Oct 2037 07:28:00 GMT";
        Host.Faults.Enqueue(HdcRouteNames.ListContexts, FaultStep.Status(503, HttpDate));

        using var response = await ListContextsAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpDate, response.Header("Retry-After"));
    }

    [Fact]
    public async Task A_custom_body_and_content_type_replace_the_default()
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(502, body: "<html>Bad Gateway</html>", contentType: "text/html"));

        using var response = await ListTokensAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<html>Bad Gateway</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_fault_status_that_cannot_carry_a_body_sends_none()
    {
        Host.Faults.Enqueue(HdcRouteNames.DeleteToken, FaultStep.Status(204, body: "ignored"));

        using var response = await DeleteTokenAsync("""{"token":"whatever"}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(4, Host.Hdc.Tokens.Count);
    }

    [Fact]
    public async Task Faults_come_before_authentication_like_a_gateway()
    {
        Host.Faults.Enqueue(HdcRouteNames.CreateToken, FaultStep.Status(503));

        using var response = await SendAsync(HttpMethod.Post, TokensPath, auth: null, json: "{}");

        await response.AssertHdcErrorAsync(503, "SERVICE_UNAVAILABLE");
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
    }

    [Fact]
    public async Task A_faulted_change_does_not_reach_the_state()
    {
        Host.Faults.Enqueue(HdcRouteNames.CreateToken, FaultStep.Status(500));

        using var response = await CreateTokenAsync("""{"userId":12345,"context":["ReadDocuments"]}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, Host.Hdc.Tokens.Count);
    }

    [Fact]
    public async Task The_any_route_key_matches_every_route_and_a_route_queue_wins_over_it()
    {
        Host.Faults.Enqueue(FaultInjector.AnyRoute, FaultStep.Status(503), FaultStep.Status(504));
        Host.Faults.Enqueue(HdcRouteNames.ListContexts, FaultStep.Status(429));

        using var contexts = await ListContextsAsync();
        using var tokens = await ListTokensAsync();
        using var create = await CreateTokenAsync("{}");
        using var served = await ListTokensAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, contexts.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tokens.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Clear_removes_queued_steps_and_latency()
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(503));
        Host.Faults.SetLatency(HdcRouteNames.ListTokens, TimeSpan.FromHours(1));

        Host.Faults.Clear();
        using var response = await ListTokensAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
    }

    [Fact]
    public async Task Abort_drops_the_connection_without_a_response()
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Abort());

        // Its own client, so the outcome does not depend on what the shared pool holds.
        using var client = NewClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(HttpMethod.Get, ListTokensPath, Auth.AdminBasic, client: client));

        var entry = await Host.Requests.WaitForCompletionAsync(HdcRouteNames.ListTokens, Timeout);
        Assert.True(entry.Aborted);
        Assert.Null(entry.StatusCode);
        Assert.Equal(1, Host.Requests.Count(HdcRouteNames.ListTokens));
    }

    [Fact]
    public async Task Hang_never_answers_and_the_journal_records_the_abort_when_the_client_gives_up()
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Hang());
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Timeout);

        var pending = Client.SendAsync(Request(HttpMethod.Get, ListTokensPath, Auth.AdminBasic), giveUp.Token);
        var arrived = await Host.Requests.WaitForArrivalAsync(HdcRouteNames.ListTokens, Timeout);
        Assert.False(arrived.IsCompleted);
        Assert.False(pending.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var completed = await Host.Requests.WaitForCompletionAsync(HdcRouteNames.ListTokens, Timeout);
        Assert.True(completed.Aborted);
        Assert.Equal(arrived.Sequence, completed.Sequence);
    }

    [Fact]
    public async Task Latency_holds_only_its_own_route_and_ends_when_the_client_leaves()
    {
        Host.Faults.SetLatency(HdcRouteNames.ListTokens, TimeSpan.FromHours(1));
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Timeout);

        var slow = Client.SendAsync(Request(HttpMethod.Get, ListTokensPath, Auth.AdminBasic), giveUp.Token);
        await Host.Requests.WaitForArrivalAsync(HdcRouteNames.ListTokens, Timeout);
        using var fast = await ListContextsAsync();

        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.False(slow.IsCompleted);
        Assert.False(Host.Requests.Entries.Single(entry => entry.RouteName == HdcRouteNames.ListTokens).IsCompleted);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
        Assert.True((await Host.Requests.WaitForCompletionAsync(HdcRouteNames.ListTokens, Timeout)).Aborted);
    }

    [Fact]
    public async Task A_short_latency_delays_then_serves_the_request_or_its_fault()
    {
        Host.Faults.SetLatency(FaultInjector.AnyRoute, TimeSpan.FromMilliseconds(20));
        Host.Faults.Enqueue(HdcRouteNames.ListContexts, FaultStep.Status(429, "1"));

        using var faulted = await ListContextsAsync();
        using var served = await ListContextsAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var entries = Host.Requests.Entries;
        Assert.True(entries[0].CompletedAt <= entries[1].ArrivedAt);
    }

    [Fact]
    public async Task Disposing_the_host_ends_hung_requests()
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Hang());
        var pending = Client.SendAsync(Request(HttpMethod.Get, ListTokensPath, Auth.AdminBasic), Timeout);
        await Host.Requests.WaitForArrivalAsync(HdcRouteNames.ListTokens, Timeout);

        await Host.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public void Unknown_routes_and_impossible_steps_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Host.Faults.Enqueue("hdc.token.list", FaultStep.Abort()));
        Assert.Throws<ArgumentException>(() => Host.Faults.SetLatency("HDC.TOKENS.LIST", TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Host.Faults.SetLatency(HdcRouteNames.ListTokens, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultStep.Status(199));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultStep.Status(600));
    }

    [Fact]
    public void Every_route_has_a_stable_name()
    {
        Assert.Equal(
            [
                "hdc.tokens.list", "hdc.contexts.list", "hdc.tokens.create", "hdc.tokens.update", "hdc.tokens.delete",
                "securid.tokens.lookup", "securid.tokens.delete", "securid.users.assign", "securid.users.unassign",
                "securid.users.enable", "securid.users.disable",
                "powerclerk.mst.create", "powerclerk.mst.delete",
                "apstrata.verifycredentials", "apstrata.deletetoken",
            ],
            EmulatorHost.RouteNames);
    }
}
