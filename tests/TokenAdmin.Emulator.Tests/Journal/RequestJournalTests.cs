using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Tests.Fixtures;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Journal;

public sealed class RequestJournalTests : EmulatorTestBase
{
    private static readonly DateTimeOffset PinnedNow = new(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = new VirtualClock(PinnedNow) };

    [Fact]
    public async Task An_entry_records_the_request_and_its_outcome_but_never_the_credential()
    {
        const string Body = """{"userId":12345,"context":["ReadDocuments"]}""";
        var request = Request(HttpMethod.Post, TokensPath + "?dryRun=false", Auth.AdminBasic, Body);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("JournalTest", "1.0"));

        using var response = await Client.SendAsync(request, Timeout);

        // The status is recorded before the response is sent: no wait needed once it arrived.
        var entry = Assert.Single(Host.Requests.Entries);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/hdc/api/authtokens", entry.Path);
        Assert.Equal("?dryRun=false", entry.Query);
        Assert.Equal(HdcRouteNames.CreateToken, entry.RouteName);
        Assert.Equal(Body, entry.Body);
        Assert.Equal("application/json; charset=utf-8", entry.ContentType);
        Assert.Equal("JournalTest/1.0", entry.UserAgent);
        Assert.Equal("Basic", entry.AuthScheme);
        Assert.Equal(PinnedNow, entry.ArrivedAt);
        Assert.Equal(PinnedNow, entry.CompletedAt);
        Assert.Equal(201, entry.StatusCode);
        Assert.False(entry.Aborted);
        Assert.False(entry.ViaProxy);
        Assert.Null(entry.TargetHost);
        Assert.Equal(response.Header("X-Request-Id"), entry.RequestId);
        Assert.DoesNotContain(DemoCredentials.HdcAdminPassword, entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Auth.AdminBasic.Parameter!, entry.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer " + DemoCredentials.HdcAdminAccessToken, "Bearer")]
    [InlineData(DemoCredentials.HdcAdminAccessToken, "Other")]
    [InlineData("Token " + DemoCredentials.HdcAdminAccessToken, "Other")]
    public async Task Only_a_well_known_scheme_name_is_recorded(string authorization, string recorded)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ListTokensPath);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await Client.SendAsync(request, Timeout);

        var entry = Assert.Single(Host.Requests.Entries);
        Assert.Equal(recorded, entry.AuthScheme);
        Assert.DoesNotContain(DemoCredentials.HdcAdminAccessToken, entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_matching_route_are_recorded_without_a_route_name()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/nothing-here", Auth.AdminBasic);

        var entry = Assert.Single(Host.Requests.Entries);
        Assert.Null(entry.RouteName);
        Assert.Equal(404, entry.StatusCode);
        Assert.Equal("Basic", entry.AuthScheme);
    }

    [Fact]
    public async Task Waiting_for_an_arrival_completes_when_the_request_arrives()
    {
        var waiting = Host.Requests.WaitForArrivalAsync(HdcRouteNames.DeleteToken, Timeout);
        Assert.False(waiting.IsCompleted);

        using var other = await ListTokensAsync();
        Assert.False(waiting.IsCompleted);
        using var delete = await DeleteTokenAsync("""{"token":"x"}""");

        var entry = await waiting;
        Assert.Equal(HdcRouteNames.DeleteToken, entry.RouteName);
        Assert.Equal($$"""{"token":"{{JournalCredentials.Redacted("x")}}"}""", entry.Body); // a token value is a credential: kept as its fingerprint
    }

    [Fact]
    public async Task Waits_return_entries_recorded_earlier()
    {
        using var response = await ListContextsAsync();

        var arrival = await Host.Requests.WaitForArrivalAsync(HdcRouteNames.ListContexts, Timeout);
        var completion = await Host.Requests.WaitForCompletionAsync(HdcRouteNames.ListContexts, Timeout);
        var any = await Host.Requests.WaitForArrivalAsync(FaultInjector.AnyRoute, Timeout);

        Assert.Equal(1, arrival.Sequence);
        Assert.Equal(200, completion.StatusCode);
        Assert.Equal(1, any.Sequence);
    }

    [Fact]
    public async Task A_wait_can_be_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = Host.Requests.WaitForCompletionAsync(HdcRouteNames.UpdateToken, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Host.Requests.WaitForArrivalAsync(HdcRouteNames.UpdateToken, cancel.Token));
    }

    [Fact]
    public async Task Count_and_Clear()
    {
        using var first = await ListTokensAsync();
        using var second = await ListTokensAsync();
        using var third = await ListContextsAsync();

        Assert.Equal(2, Host.Requests.Count(HdcRouteNames.ListTokens));
        Assert.Equal(1, Host.Requests.Count(HdcRouteNames.ListContexts));
        Assert.Equal(3, Host.Requests.Count(FaultInjector.AnyRoute));
        Assert.Equal([1L, 2L, 3L], Host.Requests.Entries.Select(entry => entry.Sequence));

        Host.Requests.Clear();

        Assert.Empty(Host.Requests.Entries);
        Assert.Equal(0, Host.Requests.Count(HdcRouteNames.ListTokens));
    }

    [Fact]
    public async Task Admin_requests_are_not_journaled()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        using var info = await client.GetAsync(Host.AdminUri, Timeout);
        using var requests = await client.GetAsync(new Uri(Host.BaseAddress, "_emulator/requests"), Timeout);

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Empty(Host.Requests.Entries);
    }
}
