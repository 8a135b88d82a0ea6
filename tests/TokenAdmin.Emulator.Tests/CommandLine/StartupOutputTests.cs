using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.CommandLine;

public sealed class StartupOutputTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() => new() { EnableHttps = true, Proxy = new ProxyOptions() };

    [Fact]
    public void The_banner_shows_urls_demo_credentials_admin_endpoint_and_how_to_stop()
    {
        var banner = ConsoleBanner.Render(Host.Describe());

        Assert.Contains(Host.BaseAddress.AbsoluteUri, banner, StringComparison.Ordinal);
        Assert.Contains(Host.HttpsBaseAddress!.AbsoluteUri, banner, StringComparison.Ordinal);
        Assert.Contains(Host.HdcBaseUri.AbsoluteUri, banner, StringComparison.Ordinal);
        Assert.Contains(Host.AdminUri.AbsoluteUri, banner, StringComparison.Ordinal);
        Assert.Contains($"{DemoCredentials.HdcAdminUserName} / {DemoCredentials.HdcAdminPassword}", banner, StringComparison.Ordinal);
        Assert.Contains($"{DemoCredentials.HdcReaderUserName} / {DemoCredentials.HdcReaderPassword}", banner, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcAdminAccessToken, banner, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.HdcReaderAccessToken, banner, StringComparison.Ordinal);
        Assert.Contains(DemoCredentials.ProxyPassword, banner, StringComparison.Ordinal);
        Assert.EndsWith("Press Ctrl+C to stop." + Environment.NewLine, banner, StringComparison.Ordinal);
    }

    [Fact]
    public void The_banner_says_which_value_is_which_where_a_pair_would_not()
    {
        var banner = ConsoleBanner.Render(Host.Describe());

        Assert.Contains($"owner  Signature auth key {ApstrataDemo.AuthKey}, secret {ApstrataDemo.OwnerSecret}", banner, StringComparison.Ordinal);
        Assert.Contains($"auth key {ApstrataDemo.AuthKey}, {ApstrataDemo.UserLogin} / {ApstrataDemo.UserPassword}", banner, StringComparison.Ordinal);
        Assert.Contains($"{PowerClerkDemo.MfaUserName} / {PowerClerkDemo.MfaPassword}, API key {PowerClerkDemo.ApiKey}, TOTP seed {PowerClerkDemo.MfaTotpSecret}", banner, StringComparison.Ordinal);
    }

    [Fact]
    public void The_url_file_holds_the_http_then_the_https_base_url()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-{Guid.NewGuid():N}.url");
        try
        {
            UrlFile.Write(path, Host);

            Assert.Equal([Host.BaseAddress.AbsoluteUri, Host.HttpsBaseAddress!.AbsoluteUri], File.ReadAllLines(path));
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            UrlFile.Delete(path);
        }

        Assert.False(File.Exists(path));
    }
}
