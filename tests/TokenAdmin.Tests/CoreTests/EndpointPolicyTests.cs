using System;
using TokenAdmin.Core.Http;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

public class EndpointPolicyTests
{
    [Theory]
    [InlineData("https://tenant.example.com/hdc")]
    [InlineData("http://127.0.0.1:5080/hdc")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    public void Https_and_loopback_http_are_allowed(string url) =>
        Assert.Equal(url.TrimEnd('/') + "/", EndpointPolicy.Validate(new Uri(url), allowUnencryptedAuthentication: false).ToString());

    [Fact]
    public void Http_to_another_host_is_refused_unless_explicitly_allowed()
    {
        var url = new Uri("http://tenant.example.com/hdc");
        var refused = Assert.Throws<ServiceException>(() => EndpointPolicy.Validate(url, false));
        Assert.Equal(ServiceFailure.InvalidEndpoint, refused.Failure);
        Assert.Contains("-AllowUnencryptedAuthentication", refused.Message);
        Assert.Equal("http://tenant.example.com/hdc/", EndpointPolicy.Validate(url, true).ToString());
    }

    [Theory]
    [InlineData("ftp://tenant.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:secret@tenant.example.com/")]
    public void Other_schemes_and_embedded_credentials_are_refused(string url)
    {
        var refused = Assert.Throws<ServiceException>(() => EndpointPolicy.Validate(new Uri(url), true));
        Assert.DoesNotContain("secret", refused.Message);
    }

    [Fact]
    public void A_relative_url_is_refused() =>
        Assert.Throws<ServiceException>(() => EndpointPolicy.Validate(new Uri("/hdc", UriKind.Relative), true));

    [Fact]
    public void The_base_path_gets_a_trailing_slash_so_relative_paths_stay_below_it() =>
        Assert.Equal("https://h.example/tenant/hdc/api/authtokens",
            new Uri(EndpointPolicy.Validate(new Uri("https://h.example/tenant/hdc"), false), "api/authtokens").ToString());

    [Theory]
    [InlineData("https://h.example/tenant/hdc?tenant=7")]
    [InlineData("https://h.example/tenant/hdc/#/login")]
    public void A_query_string_or_fragment_is_refused_rather_than_silently_dropped(string url)
    {
        var refused = Assert.Throws<ServiceException>(() => EndpointPolicy.Validate(new Uri(url), false));
        Assert.Equal(ServiceFailure.InvalidEndpoint, refused.Failure);
        Assert.Contains("query string or fragment", refused.Message);
    }

    [Theory]
    [InlineData("http://proxy-user:hunter22@proxy.example:8080/")]
    [InlineData("http://hunter22@proxy.example:8080/")]
    public void A_proxy_with_user_info_is_refused_without_echoing_it(string url)
    {
        var refused = Assert.Throws<ServiceException>(() => EndpointPolicy.ValidateProxy(new Uri(url)));
        Assert.Contains("-ProxyCredential", refused.Message);
        Assert.DoesNotContain("hunter22", refused.Message);
    }

    [Fact]
    public void Urls_shown_in_errors_lose_their_user_info() =>
        Assert.Equal("http://host.example/hdc/", EndpointPolicy.WithoutUserInfo(new Uri("http://demo:demo-pass@host.example/hdc/")));
}
