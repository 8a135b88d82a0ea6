using System;
using System.Management.Automation;
using System.Security;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Hdc;

/// <summary>Connects to a bim.cloud HDC tenant to administer its authentication tokens.</summary>
/// <remarks>
/// <para>Authenticates with HTTP Basic (-Credential) or with a bearer access token (-AccessToken), checks
/// the URL and the credentials with one read, and makes the connection the current one: every HDC
/// command uses it unless given -Connection. The connection keeps one pool of HTTP connections that
/// all commands share.</para>
/// <para>Secrets are taken only as PSCredential or SecureString and never appear in any output. http://
/// to a host other than this computer is refused unless -AllowUnencryptedAuthentication is given.</para>
/// </remarks>
/// <example title="Connect interactively">
/// <code>Connect-AuthTokenService -BaseUri https://tenant.bim.cloud/hdc -Credential (Get-Credential)</code>
/// <para>Prompts for the user name and password, checks them, and makes this the current HDC connection.</para>
/// </example>
/// <example title="Connect unattended with an access token from a vault">
/// <code>$token = Get-Secret -Name HdcAccessToken
/// Connect-AuthTokenService -BaseUri https://tenant.bim.cloud/hdc -AccessToken $token -MaximumRetryCount 6</code>
/// <para>Uses a SecureString access token kept in SecretManagement; requests are retried up to 6 times.</para>
/// </example>
/// <example title="Keep two tenants apart">
/// <code>$test = Connect-AuthTokenService -BaseUri https://test.bim.cloud/hdc -Credential $cred -PassThru
/// $prod = Connect-AuthTokenService -BaseUri https://prod.bim.cloud/hdc -Credential $cred -PassThru
/// Get-AuthToken -Connection $test</code>
/// <para>-PassThru returns each connection; -Connection picks one. The last Connect is the default.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "AuthTokenService", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(HdcConnection))]
public sealed class ConnectAuthTokenServiceCommand : ConnectCommand<HdcConnection>
{
    private const string CredentialSet = "Credential";
    private const string AccessTokenSet = "AccessToken";

    /// <summary>The tenant's base URL; the API paths (api/authtokens...) are relative to it.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public Uri BaseUri { get; set; } = null!;

    /// <summary>User name and password for HTTP Basic authentication.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>An access token sent as "Authorization: Bearer".</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    [ValidateNotNull]
    public SecureString AccessToken { get; set; } = null!;

    /// <summary>Time source for ConnectedAt; tests pin it.</summary>
    internal IClock Clock { get; set; } = SystemClock.Instance;

    private protected override void Connect()
    {
        var options = BuildOptions(BaseUri);
        var (authenticator, userName) = CreateAuthenticator();
        var client = new HdcClient(options, authenticator, Clock);
        var connection = new HdcConnection(client, userName, Clock.UtcNow);
        try
        {
            // One cheap read proves URL and credentials now, not in the middle of a scheduled run.
            var contexts = Pump.Run(ct => client.ListContextsAsync(Call(ct)));
            Seam.WriteVerbose($"Connected to HDC at {connection.BaseUri} ({connection}); {contexts.Count} token contexts available.");
        }
        catch (ServiceException ex)
        {
            connection.Dispose();
            Seam.ThrowTerminatingError(ServiceErrorTranslator.Translate(ex, BaseUri, HdcErrors.Vocabulary));
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        Publish(connection);
    }

    private (IRequestAuthenticator Authenticator, string? UserName) CreateAuthenticator()
    {
        try
        {
            // Decided by what is bound, not ParameterSetName: same answer, and it does not depend on the runtime.
            if (AccessToken is not null)
            {
                return (new BearerAuthenticator(AccessToken), null);
            }

            var credential = Seam.ToNetworkCredential(Credential)
                ?? throw ServiceException.InvalidCredential("-Credential is required.");
            var userName = Seam.UserNameAsTyped(Credential) ?? string.Empty;
            return (new BasicAuthenticator(userName, credential.SecurePassword), userName);
        }
        catch (ServiceException ex)
        {
            Terminate(ex, ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, null);
            return default;
        }
    }
}
