using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hosting;

public sealed class EmulatorHostTests : EmulatorTestBase
{
    [Fact]
    public void The_host_listens_on_the_loopback_address_on_a_real_port()
    {
        Assert.Equal("127.0.0.1", Host.BaseAddress.Host);
        Assert.NotEqual(0, Host.BaseAddress.Port);
        Assert.EndsWith("/", Host.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(new Uri(Host.BaseAddress, "hdc/"), Host.HdcBaseUri);
        Assert.Null(Host.HttpsBaseAddress);
        Assert.Null(Host.ServerCertificate);
    }

    [Fact]
    public async Task Every_response_carries_a_fresh_request_id()
    {
        using var ok = await ListTokensAsync();
        using var unauthorized = await ListTokensAsync(Auth.Basic("x", "y"));
        using var notFound = await SendAsync(System.Net.Http.HttpMethod.Get, "nothing", auth: null);

        string[] ids = [ok.Header("X-Request-Id"), unauthorized.Header("X-Request-Id"), notFound.Header("X-Request-Id")];
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Reset_returns_to_seed_data_with_fresh_token_values()
    {
        var seedTokens = Host.Hdc.Tokens.Select(token => token.Token).ToArray();
        using var created = await CreateTokenAsync("""{"userId":777,"context":["ReadDocuments"]}""");
        Host.Hdc.AddUser(1, "Margaret Hamilton");
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(503));

        Host.Reset();

        Assert.Equal(4, Host.Hdc.Tokens.Count);
        Assert.Equal(4, Host.Hdc.Users.Count);
        Assert.Empty(Host.Hdc.Tokens.Select(token => token.Token).Intersect(seedTokens));
        Assert.Empty(Host.Requests.Entries);
        using var served = await ListTokensAsync();
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Hosts_are_independent()
    {
        await using var other = await EmulatorHost.StartAsync(cancellationToken: Timeout);

        using var deleted = await DeleteTokenAsync($$"""{"token":"{{Host.Hdc.Tokens[0].Token}}"}""");
        other.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(503));

        Assert.NotEqual(Host.BaseAddress, other.BaseAddress);
        Assert.Equal(3, Host.Hdc.Tokens.Count);
        Assert.Equal(4, other.Hdc.Tokens.Count);
        Assert.Empty(other.Requests.Entries);
        Assert.Equal(0, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
        Assert.Empty(Host.Hdc.Tokens.Select(token => token.Token).Intersect(other.Hdc.Tokens.Select(token => token.Token)));
    }

    [Fact]
    public async Task Dispose_is_idempotent()
    {
        await Host.DisposeAsync();
        await Host.DisposeAsync();
    }
}
