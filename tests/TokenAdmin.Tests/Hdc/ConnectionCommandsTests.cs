using TokenAdmin.Emulator;
using System.Linq;
using TokenAdmin.Connections;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

public sealed class ConnectionCommandsTests : HdcTestContext
{
    [Fact]
    public void Get_TokenAdminConnection_shows_the_current_connection_without_secrets()
    {
        var connection = Connect();

        var seam = Run(new GetTokenAdminConnectionCommand());

        Assert.Same(connection, Assert.Single(seam.Output));
        Assert.Empty(Run(new GetTokenAdminConnectionCommand { Service = new[] { (TokenAdminService)99 } }).Output);
        AssertNoSecrets(seam, DemoSecrets);
    }

    [Fact]
    public void Disconnect_forgets_and_closes_so_later_commands_say_what_to_do()
    {
        var connection = Connect();

        Run(new DisconnectTokenAdminCommand());

        Assert.Empty(Store.All());
        Assert.False(connection.IsOpen);
        Assert.Equal(ErrorIds.NotConnected, Run(new GetAuthTokenCommand()).Terminating?.ErrorId);
        var closed = Run(new GetAuthTokenCommand { Connection = connection }).Terminating!;
        Assert.Equal(ErrorIds.ConnectionClosed, closed.ErrorId);
        Assert.Contains("Connect-AuthTokenService", closed.DisplayMessage);
    }

    [Fact]
    public void Objects_read_before_reconnecting_still_work()
    {
        Connect();
        var tokens = Run(new GetAuthTokenCommand { UserId = new[] { 42L } }).Output;
        Connect();

        var remove = new RemoveAuthTokenCommand();
        var seam = Run(remove, Piped.Into(remove, tokens));

        Assert.Empty(seam.Errors);
        Assert.True(((AuthToken)tokens[0]).Connection.IsOpen); // it was handed out with the objects: not closed
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 42);
    }

    [Fact]
    public void Objects_read_before_disconnecting_go_on_with_the_new_connection_to_the_same_service()
    {
        Connect();
        var tokens = Run(new GetAuthTokenCommand { UserId = new[] { 42L } }).Output;
        Run(new DisconnectTokenAdminCommand());
        var fresh = Connect();

        var remove = new RemoveAuthTokenCommand();
        var seam = Run(remove, Piped.Into(remove, tokens));

        Assert.Empty(seam.Errors);
        Assert.Contains(seam.Verbose, v => v.Contains("using the current connection", System.StringComparison.Ordinal));
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 42);
        Assert.True(fresh.IsOpen);
    }

    [Fact]
    public void Connections_piped_to_Disconnect_bind_Service_by_property_name()
    {
        Connect();
        var connections = Run(new GetTokenAdminConnectionCommand()).Output;

        var disconnect = new DisconnectTokenAdminCommand();
        Run(disconnect, Piped.Into(disconnect, connections.Cast<TokenAdminConnection>()));

        Assert.Empty(Store.All());
    }

    [Fact]
    public void Objects_piped_between_commands_keep_their_connection()
    {
        var admin = Connect();
        var tokens = Run(new GetAuthTokenCommand { UserId = new[] { 42L } }).Output;
        Connect(TokenAdmin.Emulator.DemoCredentials.HdcReaderUserName, TokenAdmin.Emulator.DemoCredentials.HdcReaderPassword);

        var remove = new RemoveAuthTokenCommand();
        var seam = Run(remove, Piped.Into(remove, tokens)); // binds -Connection from AuthToken.Connection: the admin one

        Assert.Empty(seam.Errors);
        Assert.DoesNotContain(Emulator.Hdc.Tokens, t => t.UserId == 42);
        Assert.True(admin.IsOpen);
    }
}
