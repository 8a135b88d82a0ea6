using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Binding;

/// <summary>Which parameter set the engine picks, and what it refuses before any request is sent.</summary>
public sealed class ParameterSetTests : EngineTest
{
    [Fact]
    public void Connect_AuthTokenService_resolves_Credential_and_AccessToken_sets_and_refuses_both()
    {
        var basic = ConnectHdc("-PassThru").Output[0];
        Assert.Equal("Basic", basic.Properties["AuthenticationType"].Value);

        var bearer = Shell.RunClean("Connect-AuthTokenService -BaseUri $HdcUri -AccessToken (ConvertTo-SecureString $args[0] -AsPlainText -Force) -PassThru",
            DemoCredentials.HdcAdminAccessToken).Output[0];
        Assert.Equal("Bearer", bearer.Properties["AuthenticationType"].Value);

        Emulator.Requests.Clear();
        var both = Shell.Run("""
            $credential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))
            Connect-AuthTokenService -BaseUri $HdcUri -Credential $credential -AccessToken (ConvertTo-SecureString 'x' -AsPlainText -Force)
            """);
        Assert.StartsWith("AmbiguousParameterSet", both.FirstError?.FullyQualifiedErrorId);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void Connect_SecurIdAdmin_takes_a_key_file_positionally_and_asks_the_vault_set_for_its_url()
    {
        var connected = Shell.RunClean("Connect-SecurIdAdmin $args[0] -PassThru", SecurIdKeyFile()).Output[0];
        Assert.Equal(Emulator.SecurIdAdminRestApiUrl, connected.Properties["AdminRestApiUrl"].Value);

        // The vault set is resolved, and its missing mandatory parameter is asked for (the host records the prompt).
        Emulator.Requests.Clear();
        var missing = Shell.Run("Connect-SecurIdAdmin -AccessId abc -AccessKey (ConvertTo-SecureString 'x' -AsPlainText -Force)");
        Assert.Contains("fields: AdminRestApiUrl", missing.FirstError?.ToString() ?? string.Empty);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void Invalid_input_is_refused_while_binding_before_anything_is_sent()
    {
        ConnectHdc();
        ConnectSecurId();
        Emulator.Requests.Clear();
        var tooLong = Shell.Run("Remove-SecurIdHardwareToken -SerialNumber ('1' * 37) -Confirm:$false");
        Assert.StartsWith("ParameterArgumentValidationError", tooLong.FirstError?.FullyQualifiedErrorId);
        var throttle = Shell.Run("Remove-AuthToken -Token x -ThrottleLimit 0 -Confirm:$false");
        Assert.StartsWith("ParameterArgumentValidationError", throttle.FirstError?.FullyQualifiedErrorId);
        var user = Shell.Run("New-AuthToken -UserId 0 -Context ReadDocuments");
        Assert.StartsWith("ParameterArgumentValidationError", user.FirstError?.FullyQualifiedErrorId);
        Assert.Empty(Emulator.Requests.Entries);
    }
}
