using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hosting;

public sealed class AdminEndpointTests : EmulatorTestBase
{
    private HttpClient Admin { get; } = new(new SocketsHttpHandler { UseProxy = false });

    private Task<HttpResponseMessage> AdminSendAsync(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Host.BaseAddress, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return Admin.SendAsync(request, Timeout);
    }

    [Fact]
    public async Task Info_shows_urls_routes_and_the_demo_credentials()
    {
        using var response = await AdminSendAsync(HttpMethod.Get, "_emulator");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(response.Header("X-Request-Id"));
        var info = await response.ReadJsonAsync();
        Assert.Equal(Host.BaseAddress.AbsoluteUri, info.GetProperty("baseUrl").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("httpsBaseUrl").ValueKind);
        Assert.Equal(Host.AdminUri.AbsoluteUri, info.GetProperty("adminUrl").GetString());
        Assert.Equal(EmulatorHost.RouteNames, info.GetProperty("routes").EnumerateArray().Select(route => route.GetString()));

        var services = info.GetProperty("services").EnumerateArray().ToArray();
        Assert.Equal(["hdc", "securid", "powerclerk", "apstrata"], services.Select(service => service.GetProperty("key").GetString()));
        var hdc = services[0];
        Assert.Equal(Host.HdcBaseUri.AbsoluteUri, hdc.GetProperty("baseUrl").GetString());
        var text = hdc.GetProperty("credentials").GetRawText();
        Assert.Contains(DemoCredentials.HdcAdminUserName, text, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcAdminPassword, text, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcReaderUserName, text, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcReaderPassword, text, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcAdminAccessToken, text, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcReaderAccessToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_can_be_queued_over_HTTP()
    {
        using var queued = await AdminSendAsync(
            HttpMethod.Post,
            "_emulator/faults",
            """{"route":"hdc.tokens.list","latencyMs":0,"steps":[{"status":429,"retryAfter":"1"},{"status":503},{"abort":true},{"hang":true}]}""");

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal(4, (await queued.ReadJsonAsync()).GetProperty("pendingSteps").GetInt32());
        using var first = await ListTokensAsync();
        using var second = await ListTokensAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("1", first.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(2, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));

        using var cleared = await AdminSendAsync(HttpMethod.Delete, "_emulator/faults");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(0, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
    }

    [Theory]
    [InlineData("""{"steps":[{"status":503}]}""")]
    [InlineData("""{"route":"hdc.nope","steps":[{"status":503}]}""")]
    [InlineData("""{"route":"*","steps":[{"status":503,"abort":true}]}""")]
    [InlineData("""{"route":"*","steps":[{}]}""")]
    [InlineData("""{"route":"*","steps":[{"status":99}]}""")]
    [InlineData("""{"route":"*","latencyMs":-1}""")]
    [InlineData("nope")]
    public async Task Invalid_fault_requests_are_400_and_change_nothing(string json)
    {
        using var response = await AdminSendAsync(HttpMethod.Post, "_emulator/faults", json);

        await response.AssertHdcErrorAsync(400, "INVALID_REQUEST");
        Assert.Equal(0, Host.Faults.PendingSteps(FaultInjector.AnyRoute));
    }

    [Fact]
    public async Task Admin_routes_are_never_faulted()
    {
        Host.Faults.Enqueue(FaultInjector.AnyRoute, FaultStep.Abort(), FaultStep.Abort());

        using var info = await AdminSendAsync(HttpMethod.Get, "_emulator");
        using var requests = await AdminSendAsync(HttpMethod.Get, "_emulator/requests");

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
        Assert.Equal(2, Host.Faults.PendingSteps(FaultInjector.AnyRoute));
    }

    [Fact]
    public async Task Reset_restores_seed_data_and_clears_faults_and_journal()
    {
        using var deleted = await DeleteTokenAsync($$"""{"token":"{{Host.Hdc.Tokens[0].Token}}"}""");
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(503));

        using var reset = await AdminSendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(4, Host.Hdc.Tokens.Count);
        Assert.Empty(Host.Requests.Entries);
        Assert.Equal(0, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
    }

    [Fact]
    public async Task The_journal_is_served_as_JSON()
    {
        using var created = await CreateTokenAsync("""{"userId":42,"context":["ReadDocuments"]}""");

        using var response = await AdminSendAsync(HttpMethod.Get, "_emulator/requests");

        var entry = Assert.Single((await response.ReadJsonAsync()).GetProperty("requests").EnumerateArray());
        Assert.Equal("POST", entry.GetProperty("method").GetString());
        Assert.Equal(HdcRouteNames.CreateToken, entry.GetProperty("routeName").GetString());
        Assert.Equal(201, entry.GetProperty("statusCode").GetInt32());
        Assert.Equal("Basic", entry.GetProperty("authScheme").GetString());
        Assert.Equal("""{"userId":42,"context":["ReadDocuments"]}""", entry.GetProperty("body").GetString());
    }

    public override async Task DisposeAsync()
    {
        Admin.Dispose();
        await base.DisposeAsync();
    }
}
