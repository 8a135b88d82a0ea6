using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

/// <summary>What the admin endpoint and the banner say about SecurID: URLs, key files, roles, never a private key.</summary>
public sealed class SecurIdHostingTests : SecurIdTestBase, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"securid-keys-{Guid.NewGuid():N}");

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = Clock, EnableHttps = true };

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<JsonElement> SecurIdInfoAsync()
    {
        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var text = await admin.GetStringAsync(Host.AdminUri, Timeout);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("services").EnumerateArray().Single(service => service.GetProperty("key").GetString() == "securid").Clone();
    }

    [Fact]
    public async Task Admin_info_shows_the_adminRestApiUrls_routes_and_keys_without_key_files_until_written()
    {
        var securId = await SecurIdInfoAsync();

        Assert.Equal(Host.SecurIdAdminRestApiUrl, securId.GetProperty("baseUrl").GetString());
        Assert.Equal(Host.SecurIdHttpsAdminRestApiUrl, securId.GetProperty("httpsBaseUrl").GetString());
        Assert.Equal(SecurIdRouteNames.All, securId.GetProperty("routes").EnumerateArray().Select(route => route.GetString()));
        var credentials = securId.GetProperty("credentials").EnumerateArray().ToArray();
        Assert.Equal(["Super Administrator", "Help Desk Administrator"], credentials.Select(credential => credential.GetProperty("role").GetString()));
        Assert.All(credentials, credential => Assert.Equal("JWT", credential.GetProperty("scheme").GetString()));
        Assert.Equal(SuperAdmin.AccessId, credentials[0].GetProperty("values").GetProperty("accessId").GetString());
        Assert.False(credentials[0].GetProperty("values").TryGetProperty("keyFile", out _));
    }

    [Fact]
    public async Task Admin_info_lists_the_key_files_once_written()
    {
        var paths = Host.WriteSecurIdKeyFiles(directory);

        var credentials = (await SecurIdInfoAsync()).GetProperty("credentials").EnumerateArray().ToArray();

        Assert.Equal(paths, credentials.Select(credential => credential.GetProperty("values").GetProperty("keyFile").GetString()));
        Assert.Equal(HelpDesk.AccessId, credentials[1].GetProperty("values").GetProperty("accessId").GetString());
    }

    [Fact]
    public void The_banner_shows_the_adminRestApiUrl_and_key_files_with_roles_but_no_private_key()
    {
        var paths = Host.WriteSecurIdKeyFiles(directory);

        var banner = ConsoleBanner.Render(Host.Describe());

        Assert.Contains($"  Base URL        {Host.SecurIdAdminRestApiUrl}{Environment.NewLine}", banner, StringComparison.Ordinal);
        Assert.Contains($"  HTTPS base URL  {Host.SecurIdHttpsAdminRestApiUrl}{Environment.NewLine}", banner, StringComparison.Ordinal);
        var lines = banner.Split(Environment.NewLine);
        Assert.Contains(lines, line => line.Contains("Super Administrator", StringComparison.Ordinal) && line.Contains(paths[0], StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Help Desk Administrator", StringComparison.Ordinal) && line.Contains(paths[1], StringComparison.Ordinal));
        Assert.DoesNotContain("PRIVATE KEY", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(SuperAdmin.PrivateKeyPem.Split('\n')[1], banner, StringComparison.Ordinal);
        Assert.Contains("  admin  Basic    ", banner, StringComparison.Ordinal); // HDC's layout is unchanged
    }

    [Fact]
    public async Task Over_HTTPS_the_aud_is_the_HTTPS_adminRestApiUrl()
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == Host.ServerCertificate!.GetCertHashString() },
        });
        var url = Host.SecurIdHttpsAdminRestApiUrl + "/" + LookupPath;

        using var https = await client.SendAsync(Request(HttpMethod.Post, url, Bearer(Jwt(aud: Host.SecurIdHttpsAdminRestApiUrl)), Serial(JdoeSerial)), Timeout);
        using var httpAud = await client.SendAsync(Request(HttpMethod.Post, url, Bearer(Jwt()), Serial(JdoeSerial)), Timeout);

        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        await httpAud.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Over_HTTP_the_HTTPS_aud_is_refused()
    {
        using var response = await LookupWithAsync(Bearer(Jwt(aud: Host.SecurIdHttpsAdminRestApiUrl)));

        await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }
}

/// <summary>Through the forward proxy the emulator plays the target host, so the aud is the target's adminRestApiUrl.</summary>
public sealed class SecurIdProxyTests : SecurIdTestBase
{
    private const string TenantApiUrl = "http://tenant.example/securid/AdminInterface/restapi";

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = Clock, Proxy = new ProxyOptions() };

    [Fact]
    public async Task A_relayed_request_needs_the_targets_adminRestApiUrl_as_aud()
    {
        using var client = NewClient(new SocketsHttpHandler
        {
            UseProxy = true,
            Proxy = new WebProxy(Host.BaseAddress) { Credentials = new NetworkCredential(DemoCredentials.ProxyUserName, DemoCredentials.ProxyPassword) },
        });

        using var target = await client.SendAsync(Request(HttpMethod.Post, TenantApiUrl + "/" + LookupPath, Bearer(Jwt(aud: TenantApiUrl)), Serial(JdoeSerial)), Timeout);
        using var local = await client.SendAsync(Request(HttpMethod.Post, TenantApiUrl + "/" + LookupPath, Bearer(Jwt()), Serial(JdoeSerial)), Timeout);

        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        await local.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
        Assert.True(Host.Requests.Entries[^1].ViaProxy);
    }

    [Fact]
    public async Task A_direct_request_still_needs_this_hosts_adminRestApiUrl()
    {
        using var direct = await LookupWithAsync(Bearer(Jwt()));
        using var targetAud = await LookupWithAsync(Bearer(Jwt(aud: TenantApiUrl)));

        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        await targetAud.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }
}
