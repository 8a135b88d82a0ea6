using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hosting;

public sealed class ForwardProxyTests : EmulatorTestBase
{
    private const string TenantUrl = "http://tenant.example/hdc/";

    protected override EmulatorOptions CreateOptions() => new() { Proxy = new ProxyOptions() };

    private HttpClient ProxiedClient(ICredentials? proxyCredentials) =>
        NewClient(new SocketsHttpHandler
        {
            UseProxy = true,
            Proxy = new WebProxy(Host.BaseAddress) { Credentials = proxyCredentials },
        });

    [Fact]
    public async Task A_proxied_request_without_proxy_credentials_is_407()
    {
        using var client = ProxiedClient(proxyCredentials: null);

        using var response = await client.SendAsync(Request(HttpMethod.Get, TenantUrl + ListTokensPath, Auth.AdminBasic), Timeout);

        await response.AssertHdcErrorAsync(407, "PROXY_AUTHENTICATION_REQUIRED");
        Assert.Equal("Basic realm=\"emulator-proxy\"", Assert.Single(response.Headers.ProxyAuthenticate).ToString());
        var entry = Assert.Single(Host.Requests.Entries);
        Assert.True(entry.ViaProxy);
        Assert.Equal("tenant.example", entry.TargetHost);
        Assert.Equal(407, entry.StatusCode);
    }

    [Fact]
    public async Task A_proxied_request_with_proxy_credentials_is_served_as_if_this_host_were_the_target()
    {
        using var client = ProxiedClient(new NetworkCredential(DemoCredentials.ProxyUserName, DemoCredentials.ProxyPassword));

        using var response = await client.SendAsync(Request(HttpMethod.Get, TenantUrl + ListContextsPath, Auth.ReaderBearer), Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.ReadJsonAsync()).GetProperty("list").GetArrayLength());
        var served = Host.Requests.Entries[^1];
        Assert.True(served.ViaProxy);
        Assert.Equal("tenant.example", served.TargetHost);
        Assert.Equal("/hdc/api/authtokens/context/json", served.Path);
        Assert.Equal(HdcRouteNames.ListContexts, served.RouteName);
        Assert.Equal("Bearer", served.AuthScheme);
        Assert.Equal(200, served.StatusCode);
        // The client sends proxy credentials only after the 407 challenge, as SocketsHttpHandler does.
        Assert.All(Host.Requests.Entries.SkipLast(1), entry => Assert.Equal(407, entry.StatusCode));
    }

    [Fact]
    public async Task Wrong_proxy_credentials_stay_407()
    {
        using var client = ProxiedClient(new NetworkCredential(DemoCredentials.ProxyUserName, "wrong"));

        using var response = await client.SendAsync(Request(HttpMethod.Get, TenantUrl + ListTokensPath, Auth.AdminBasic), Timeout);

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, response.StatusCode);
    }

    [Fact]
    public async Task Direct_requests_need_no_proxy_credentials()
    {
        using var response = await ListTokensAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(Host.Requests.Entries).ViaProxy);
    }

    [Fact]
    public async Task Https_targets_need_a_CONNECT_tunnel_which_the_proxy_refuses()
    {
        using var client = ProxiedClient(new NetworkCredential(DemoCredentials.ProxyUserName, DemoCredentials.ProxyPassword));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => client.SendAsync(Request(HttpMethod.Get, "https://tenant.example/hdc/" + ListTokensPath, Auth.AdminBasic), Timeout));

        var tunnel = Host.Requests.Entries[^1];
        Assert.Equal("CONNECT", tunnel.Method);
        Assert.Equal(501, tunnel.StatusCode);
    }
}

public sealed class AbsoluteFormWithoutProxyModeTests : EmulatorTestBase
{
    [Fact]
    public async Task Without_proxy_mode_an_absolute_form_target_is_served_as_an_origin_server_must()
    {
        // Kestrel accepts absolute-form (RFC 9112 §3.2.2) if Host equals the target's authority.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Host.BaseAddress.Port, Timeout);
        await using var stream = tcp.GetStream();
        var request =
            "GET http://tenant.example/hdc/api/authtokens/context/json HTTP/1.1\r\n" +
            "Host: tenant.example\r\n" +
            $"Authorization: {Auth.AdminBasic}\r\n" +
            "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Timeout);

        var buffer = new byte[256];
        var read = await stream.ReadAtLeastAsync(buffer, "HTTP/1.1 200".Length, throwOnEndOfStream: false, Timeout);

        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        var entry = await Host.Requests.WaitForCompletionAsync(HdcRouteNames.ListContexts, Timeout);
        Assert.False(entry.ViaProxy);
        Assert.Null(entry.TargetHost);
    }
}
