using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hosting;

public sealed class HttpsTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() => new() { EnableHttps = true };

    private Uri HttpsListTokens => new(Host.HttpsBaseAddress!, "hdc/" + ListTokensPath);

    [Fact]
    public void Https_listens_on_its_own_loopback_port_with_a_localhost_certificate()
    {
        Assert.NotNull(Host.HttpsBaseAddress);
        Assert.Equal("https", Host.HttpsBaseAddress.Scheme);
        Assert.Equal("127.0.0.1", Host.HttpsBaseAddress.Host);
        Assert.NotEqual(Host.BaseAddress.Port, Host.HttpsBaseAddress.Port);
        Assert.Equal("CN=localhost", Host.ServerCertificate!.Subject);
        Assert.True(Host.ServerCertificate.HasPrivateKey);
    }

    [Fact]
    public async Task The_self_signed_certificate_fails_default_validation()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.SendAsync(Request(HttpMethod.Get, HttpsListTokens.AbsoluteUri, Auth.AdminBasic), Timeout));

        Assert.IsType<AuthenticationException>(failure.InnerException);
    }

    [Fact]
    public async Task A_client_that_pins_the_certificate_is_served_and_the_name_matches_127_0_0_1()
    {
        SslPolicyErrors? seen = null;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    seen = errors;
                    return certificate is X509Certificate2 presented && presented.Thumbprint == Host.ServerCertificate!.Thumbprint;
                },
            },
        };
        using var client = new HttpClient(handler);

        using var response = await client.SendAsync(Request(HttpMethod.Get, HttpsListTokens.AbsoluteUri, Auth.AdminBasic), Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SslPolicyErrors.RemoteCertificateChainErrors, seen); // Untrusted, but issued for this address.
    }

    [Fact]
    public async Task Plain_http_keeps_working_beside_https()
    {
        using var response = await ListTokensAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
