using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.SecurId;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.SecurId;

public sealed class ConnectSecurIdAdminTests : SecurIdTestContext
{
    [Fact]
    public void A_key_file_connects_and_the_connection_shows_customer_url_access_id_and_role_never_the_key()
    {
        var seam = Run(KeyFileConnect());

        var connection = Assert.Single(seam.OutputOf<SecurIdConnection>());
        Assert.Same(connection, Store.Current<SecurIdConnection>(TokenAdminService.SecurId));
        Assert.Equal("TokenAdmin Demo", connection.CustomerName);
        Assert.Equal(Emulator.SecurIdAdminRestApiUrl, connection.AdminRestApiUrl);
        Assert.Equal(DemoCredentials.SecurIdSuperAdministratorAccessId, connection.AccessId);
        Assert.Equal(connection.AccessId, connection.UserName);
        Assert.Equal("SuperAdministrator", connection.KeyRole);
        Assert.Equal("JWT (RS256)", connection.AuthenticationType);
        Assert.Equal(SuperAdminKeyFile, connection.KeyFile);
        Assert.Equal(30, connection.JwtLifetimeMinutes);
        Assert.Empty(Emulator.Requests.Entries); // checked locally; the service sees the key on first use
        AssertNoKeyOrJwt(seam);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_same_values_can_come_from_a_vault(bool superAdministrator)
    {
        var key = superAdministrator ? SecurIdDemoKey.SuperAdministrator : SecurIdDemoKey.HelpDeskAdministrator;

        var seam = Run(ValuesConnect(key));

        var connection = Assert.Single(seam.OutputOf<SecurIdConnection>());
        Assert.Equal(key.AccessId, connection.AccessId);
        Assert.Equal(Emulator.SecurIdAdminRestApiUrl, connection.AdminRestApiUrl);
        Assert.Null(connection.KeyFile);
        Assert.Equal("Unknown", connection.KeyRole); // no description to read it from
        Assert.NotNull(Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { "000123456789" } }).OutputOf<SecurIdHardwareToken>().Single());
    }

    [Fact]
    public void A_defective_key_file_stops_the_command_naming_the_file_not_the_key()
    {
        var broken = Path.Combine(Path.GetDirectoryName(SuperAdminKeyFile)!, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(SuperAdminKeyFile).Replace("\"accessID\"", "\"accessId_\"", StringComparison.Ordinal));

        var seam = Run(KeyFileConnect(broken));

        var error = seam.Terminating!;
        Assert.Equal(ErrorIds.InvalidCredential, error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(broken, error.TargetObject);
        Assert.Contains("no \"accessID\"", error.DisplayMessage);
        Assert.Null(Store.Current<SecurIdConnection>(TokenAdminService.SecurId));
        AssertNoKeyOrJwt(seam);
    }

    [Fact]
    public void A_key_file_others_can_read_draws_a_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(SuperAdminKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var seam = Run(KeyFileConnect());

        Assert.Contains(seam.Warnings, w => w.Contains("readable by other users (mode 0640)", StringComparison.Ordinal) && w.Contains("chmod 600", StringComparison.Ordinal));
        Assert.Single(seam.OutputOf<SecurIdConnection>());
    }

    [Fact]
    public void JwtLifetimeMinutes_shapes_every_JWT()
    {
        var command = KeyFileConnect();
        command.JwtLifetimeMinutes = 5;

        var connection = Run(command).OutputOf<SecurIdConnection>().Single();

        Assert.Equal(5, connection.JwtLifetimeMinutes);
    }
}
