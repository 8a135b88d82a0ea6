using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.CommandLine;

public sealed class EmulatorCommandLineTests
{
    private static EmulatorLaunchSettings Parse(params string[] args)
    {
        var result = EmulatorCommandLine.Parse(args, EmulatorHost.RouteNames);
        Assert.True(result.Succeeded, result.Error);
        return result.Settings;
    }

    private static string Refuse(params string[] args)
    {
        var result = EmulatorCommandLine.Parse(args, EmulatorHost.RouteNames);
        Assert.False(result.Succeeded);
        return result.Error;
    }

    [Fact]
    public void No_arguments_mean_port_5080_http_quiet_both_hdc_schemes()
    {
        var settings = Parse();

        Assert.Equal(5080, settings.Options.Port);
        Assert.False(settings.Options.EnableHttps);
        Assert.Equal(5081, settings.Options.HttpsPort);
        Assert.False(settings.Options.Verbose);
        Assert.Null(settings.Options.Proxy);
        Assert.True(settings.Options.Hdc.AllowBasic);
        Assert.True(settings.Options.Hdc.AllowBearer);
        Assert.Empty(settings.Faults);
        Assert.Empty(settings.Latencies);
        Assert.Null(settings.UrlFile);
        Assert.Null(settings.Options.SecurId.KeyDirectory);
        Assert.False(settings.ShowHelp);
    }

    [Fact]
    public void Every_option_is_understood()
    {
        var settings = Parse(
            "--port", "0", "--https", "--https-port", "8443", "--verbose", "--proxy", "--hdc-auth", "bearer",
            "--fault", "hdc.tokens.list=429:2,503,abort,hang", "--fault", "*=500",
            "--latency", "hdc.tokens.create=250", "--url-file", "/tmp/emulator.url", "--key-dir", "/tmp/keys",
            "--concurrency-limit", "hdc.tokens.delete=8:1", "--concurrency-limit", "*=32", "--hdc-tokens", "2000");

        Assert.Equal(0, settings.Options.Port);
        Assert.True(settings.Options.EnableHttps);
        Assert.Equal(8443, settings.Options.HttpsPort);
        Assert.True(settings.Options.Verbose);
        Assert.Equal(DemoCredentials.ProxyUserName, settings.Options.Proxy?.UserName);
        Assert.False(settings.Options.Hdc.AllowBasic);
        Assert.True(settings.Options.Hdc.AllowBearer);
        Assert.Equal("/tmp/emulator.url", settings.UrlFile);
        Assert.Equal("/tmp/keys", settings.Options.SecurId.KeyDirectory);

        Assert.Equal(["hdc.tokens.list", "*"], settings.Faults.Select(fault => fault.Route));
        Assert.Equal(
            [FaultStep.Status(429, "2"), FaultStep.Status(503), FaultStep.Abort(), FaultStep.Hang()],
            settings.Faults[0].Steps);
        Assert.Equal(FaultStep.Status(500), Assert.Single(settings.Faults[1].Steps));
        var latency = Assert.Single(settings.Latencies);
        Assert.Equal(new RouteLatency("hdc.tokens.create", TimeSpan.FromMilliseconds(250)), latency);
        Assert.Equal([new RouteConcurrencyLimit("hdc.tokens.delete", 8, "1"), new RouteConcurrencyLimit("*", 32, null)], settings.ConcurrencyLimits);
        Assert.Equal(2000, settings.Options.Hdc.AdditionalTokens);
    }

    [Fact]
    public void Values_may_follow_an_equals_sign()
    {
        var settings = Parse("--port=6000", "--hdc-auth=basic", "--fault=hdc.tokens.delete=404", "--key-dir=keys");

        Assert.Equal(6000, settings.Options.Port);
        Assert.Equal(6001, settings.Options.HttpsPort);
        Assert.True(settings.Options.Hdc.AllowBasic);
        Assert.False(settings.Options.Hdc.AllowBearer);
        Assert.Equal(FaultStep.Status(404), Assert.Single(Assert.Single(settings.Faults).Steps));
        Assert.Equal("keys", settings.Options.SecurId.KeyDirectory);
    }

    [Fact]
    public void An_ephemeral_http_port_makes_the_https_port_ephemeral_too()
    {
        Assert.Equal(0, Parse("--port", "0").Options.HttpsPort);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_is_recognised(string option)
    {
        Assert.True(Parse(option).ShowHelp);
        Assert.Contains("--url-file", EmulatorCommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("--key-dir", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_route_of_every_service()
    {
        var usage = EmulatorCommandLine.Usage;

        Assert.All(EmulatorHost.RouteNames, route => Assert.Contains(route, usage, StringComparison.Ordinal));
        Assert.All(usage.Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Theory]
    [InlineData("Unknown option '--bogus'", "--bogus")]
    [InlineData("Unknown option 'extra'", "extra")]
    [InlineData("needs a value", "--port")]
    [InlineData("needs a value", "--url-file", "--verbose")]
    [InlineData("port number", "--port", "http")]
    [InlineData("port number", "--port", "65536")]
    [InlineData("port number", "--port", "-1")]
    [InlineData("takes no value", "--https=yes")]
    [InlineData("needs a value", "--key-dir")]
    [InlineData("needs a directory path", "--key-dir=")]
    [InlineData("Unknown route 'securid.token.lookup'", "--fault", "securid.token.lookup=503")]
    [InlineData("basic, bearer or both", "--hdc-auth", "digest")]
    [InlineData("Unknown route 'hdc.token.list'", "--fault", "hdc.token.list=503")]
    [InlineData("needs <route>=<value>", "--fault", "hdc.tokens.list")]
    [InlineData("needs <route>=<value>", "--fault", "hdc.tokens.list=")]
    [InlineData("is not <status>", "--fault", "hdc.tokens.list=teapot")]
    [InlineData("is not <status>", "--fault", "hdc.tokens.list=600")]
    [InlineData("is not <status>", "--fault", "hdc.tokens.list=503:")]
    [InlineData("is not <status>", "--fault", "hdc.tokens.list=503,,429")]
    [InlineData("<route>=<milliseconds>", "--latency", "hdc.tokens.list=fast")]
    [InlineData("<route>=<milliseconds>", "--latency", "hdc.tokens.list=-5")]
    [InlineData("n of 1 or more", "--concurrency-limit", "hdc.tokens.delete=0")]
    [InlineData("n of 1 or more", "--concurrency-limit", "hdc.tokens.delete=8:soon")]
    [InlineData("a number of tokens", "--hdc-tokens", "many")]
    public void Invalid_arguments_are_refused_with_a_reason(string reason, params string[] args)
    {
        Assert.Contains(reason, Refuse(args), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_exits_2_on_invalid_options()
    {
        Assert.Equal(2, await Program.Main(["--bogus"]));
    }

    [Fact]
    public void SecurID_routes_take_faults_from_the_command_line()
    {
        var settings = Parse("--fault", "securid.tokens.delete=429:2,500");

        Assert.Equal("securid.tokens.delete", Assert.Single(settings.Faults).Route);
    }

    [Fact]
    public void Settings_apply_faults_and_latencies_to_a_host()
    {
        var settings = Parse("--fault", "hdc.tokens.list=503,abort", "--latency", "*=10");
        var injector = new FaultInjector(EmulatorHost.RouteNames);

        settings.ApplyTo(injector);

        Assert.Equal(2, injector.PendingSteps("hdc.tokens.list"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), injector.Next("hdc.contexts.list").Latency);
    }
}
