using System;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Items;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

public sealed class ConnectAuthTokenServiceTests : HdcTestContext
{
    [Fact]
    public void Basic_credentials_connect_check_once_and_become_the_current_connection()
    {
        var seam = new RecordingSeam();

        Run(ConnectCommand(seam), seam: seam);

        var connection = Assert.Single(seam.OutputOf<HdcConnection>());
        Assert.Same(connection, Store.Current<HdcConnection>(TokenAdminService.Hdc));
        Assert.Equal(Emulator.HdcBaseUri, connection.BaseUri);
        Assert.Equal("Basic", connection.AuthenticationType);
        Assert.Equal(DemoCredentials.HdcAdminUserName, connection.UserName);
        Assert.Equal(Clock.UtcNow, connection.ConnectedAt);
        Assert.True(connection.IsOpen);
        Assert.Equal("hdc.contexts.list", Assert.Single(Emulator.Requests.Entries).RouteName);
        Assert.Contains(seam.Verbose, v => v.StartsWith("Connected to HDC", StringComparison.Ordinal));
        AssertNoSecrets(seam, DemoSecrets);
    }

    [Fact]
    public void An_access_token_connects_with_bearer()
    {
        var seam = Run(BearerConnectCommand());

        var connection = Assert.Single(seam.OutputOf<HdcConnection>());
        Assert.Equal("Bearer", connection.AuthenticationType);
        Assert.Null(connection.UserName);
        Assert.Equal("Bearer", Emulator.Requests.Entries.Single().AuthScheme);
        AssertNoSecrets(seam, DemoSecrets);
    }

    [Fact]
    public void Without_PassThru_nothing_is_written_but_the_connection_is_current()
    {
        var seam = new RecordingSeam();
        var command = ConnectCommand(seam);
        command.PassThruPresent = false;

        Run(command, seam: seam);

        Assert.Empty(seam.Output);
        Assert.NotNull(Store.Current<HdcConnection>(TokenAdminService.Hdc));
    }

    [Fact]
    public void A_wrong_password_terminates_with_AuthenticationFailed_and_leaves_no_connection()
    {
        var seam = new RecordingSeam();

        Run(ConnectCommand(seam, password: "Wrong-Passw0rd-123"), seam: seam);

        var error = seam.Terminating!;
        Assert.Equal(ErrorIds.AuthenticationFailed, error.ErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.Category);
        Assert.Contains("Connect-AuthTokenService", error.RecommendedAction);
        Assert.Equal(Emulator.HdcBaseUri, error.TargetObject);
        Assert.Null(Store.Current<HdcConnection>(TokenAdminService.Hdc));
        AssertNoSecrets(seam, DemoSecrets.Append("Wrong-Passw0rd-123"));
    }

    [Fact]
    public void A_disabled_scheme_is_refused_by_the_service()
    {
        Emulator.Options.Hdc.AllowBearer = false;

        var seam = Run(BearerConnectCommand());

        Assert.Equal(ErrorIds.AuthenticationFailed, seam.Terminating?.ErrorId);
    }

    [Fact]
    public void Http_to_a_remote_host_is_refused_before_any_request()
    {
        var seam = new RecordingSeam();

        Run(ConnectCommand(seam, baseUri: new Uri("http://hdc.example.com/tenant")), seam: seam);

        Assert.Equal(ErrorIds.InvalidEndpoint, seam.Terminating?.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, seam.Terminating!.Category);
        Assert.Contains("-AllowUnencryptedAuthentication", seam.Terminating.DisplayMessage);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void SkipCertificateCheck_warns()
    {
        var seam = new RecordingSeam();
        var command = ConnectCommand(seam);
        command.SkipCertificateCheckPresent = true;

        Run(command, seam: seam);

        Assert.Contains(seam.Warnings, w => w.Contains("-SkipCertificateCheck", StringComparison.Ordinal));
        Assert.True(seam.OutputOf<HdcConnection>().Single().SkipCertificateCheck);
    }

    [Fact]
    public void ProxyCredential_without_Proxy_is_refused()
    {
        var seam = new RecordingSeam();
        var command = ConnectCommand(seam);
        var proxyCredential = new PSCredential("p", new System.Security.SecureString());
        seam.Credentials[proxyCredential] = new System.Net.NetworkCredential("p", "pw");
        command.ProxyCredential = proxyCredential;

        Run(command, seam: seam);

        Assert.Equal(ErrorIds.InvalidArgument, seam.Terminating?.ErrorId);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void Connection_settings_are_kept_and_shown()
    {
        var seam = new RecordingSeam();
        var command = ConnectCommand(seam);
        command.TimeoutSec = 7;
        command.MaximumRetryCount = 2;

        Run(command, seam: seam);

        var connection = seam.OutputOf<HdcConnection>().Single();
        Assert.Equal(7, connection.TimeoutSec);
        Assert.Equal(2, connection.MaximumRetryCount);
        Assert.Equal($"Hdc {Emulator.HdcBaseUri} (demo.admin, Basic)", connection.ToString());
    }

    [Fact]
    public void A_wrong_base_path_says_to_check_the_base_url_not_that_a_token_is_gone()
    {
        var seam = new RecordingSeam();

        Run(ConnectCommand(seam, baseUri: new Uri(Emulator.BaseAddress, "not-hdc/")), seam: seam);

        Assert.Equal(ErrorIds.NotFound, seam.Terminating?.ErrorId);
        Assert.Contains("base URL", seam.Terminating!.RecommendedAction);
    }

    [Fact]
    public void Reconnecting_closes_the_replaced_connection_unless_it_was_handed_out()
    {
        var quiet = new RecordingSeam();
        var first = ConnectCommand(quiet);
        first.PassThruPresent = false;
        Run(first, seam: quiet);
        var replacedQuietly = Store.Current<HdcConnection>(TokenAdminService.Hdc)!;
        var kept = Connect(); // -PassThru: the caller holds it
        Connect();

        Assert.False(replacedQuietly.IsOpen);
        Assert.True(kept.IsOpen);
    }

    [Fact]
    public void An_unreachable_service_terminates_with_ConnectionFailed()
    {
        var seam = new RecordingSeam();
        var command = ConnectCommand(seam, baseUri: new Uri("http://127.0.0.1:1/hdc/"));
        command.MaximumRetryCount = 0;

        Run(command, seam: seam);

        Assert.Equal(ErrorIds.ConnectionFailed, seam.Terminating?.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, seam.Terminating!.Category);
    }
}
