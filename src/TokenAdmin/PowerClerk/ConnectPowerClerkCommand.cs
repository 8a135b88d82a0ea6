using System;
using System.Management.Automation;
using System.Security;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Errors;
using TokenAdmin.Items;

namespace TokenAdmin.PowerClerk;

/// <summary>Connects to PowerClerk with a user name, password and API key, and a second factor for accounts with MFA.</summary>
/// <remarks>
/// <para>Every request then carries HTTP Basic, the API key (X-ApiKey) and, for an account with MFA, a
/// second factor: the connection's MFA session token once New-MfaSessionToken made one, otherwise a
/// one-time code. -TotpCode gives one code (typed from the authenticator app; it is used once).
/// -TotpSecret gives the app's base32 seed, so the connection computes codes itself (RFC 6238: SHA-1,
/// 30 s, 6 digits) and an unattended script needs nobody at a phone. A code is never sent twice: a
/// second request in the same 30-second step waits for the next one, so bulk work should create an
/// MFA session token first.</para>
/// <para>WARNING: a TOTP seed kept beside the password turns two factors into one secret store. Keep it
/// in a separate vault, or prefer -TotpCode and an MFA session token where a person is present.</para>
/// <para>Connecting sends nothing: the first command proves the credentials (creating a session token
/// to test them would delete the user's current one). The connection shows the base URL, the user,
/// whether MFA is in use and the current session token's id and expiry, never a secret.</para>
/// </remarks>
/// <example title="Connect interactively, then make a session token for the work">
/// <code>$key = Read-Host -AsSecureString -Prompt 'API key'
/// Connect-PowerClerk -BaseUri https://api.powerclerk.com -Credential (Get-Credential) -ApiKey $key
/// New-MfaSessionToken -TotpCode 123456 -ExpiresAfterMinutes 60</code>
/// <para>The session token becomes the second factor of every later request on the connection.</para>
/// </example>
/// <example title="Connect unattended with the TOTP seed from a vault">
/// <code>Connect-PowerClerk -BaseUri https://api.powerclerk.com -Credential $credential -ApiKey (Get-Secret PowerClerkApiKey) -TotpSecret (Get-Secret PowerClerkTotpSeed)</code>
/// <para>Codes are computed as needed; keep the seed in another vault than the password.</para>
/// </example>
/// <example title="An account without MFA">
/// <code>Connect-PowerClerk -BaseUri https://api.cleanpowerdemo.com/PCITrial -Credential $credential -ApiKey $key -PassThru</code>
/// <para>Requests carry no second factor; UsesMfa stays empty until the service has answered one (then False).</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "PowerClerk")]
[OutputType(typeof(PowerClerkConnection))]
public sealed class ConnectPowerClerkCommand : ConnectCommand<PowerClerkConnection>
{
    /// <summary>The PowerClerk API base URL (https://api.powerclerk.com, or a trial URL).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public Uri BaseUri { get; set; } = null!;

    /// <summary>User name and password, sent as HTTP Basic.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>The API key, sent as X-ApiKey.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>One code from the authenticator app, for the first request that needs one (usually New-MfaSessionToken).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TotpCode { get; set; }

    /// <summary>The authenticator app's base32 seed, so codes are computed as needed. Keep it apart from the password.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? TotpSecret { get; set; }

    /// <summary>
    /// With -TotpSecret: replace the MFA session token this many minutes before it expires, before a
    /// request would carry it, so a long unattended run does not fail half way.
    /// </summary>
    /// <value>Default: 0 (never).</value>
    [Parameter]
    [ValidateRange(0, PowerClerkProtocol.MaxExpiresAfterMinutes)]
    public int SessionTokenRenewalMinutes { get; set; }

    /// <summary>Time source for codes, expiry and ConnectedAt; tests pin it.</summary>
    internal IClock Clock { get; set; } = SystemClock.Instance;

    private protected override void Connect()
    {
        var options = BuildOptions(BaseUri);
        var credential = Seam.ToNetworkCredential(Credential);
        PowerClerkAuthenticator authenticator;
        try
        {
            authenticator = new PowerClerkAuthenticator(Seam.UserNameAsTyped(Credential) ?? string.Empty, credential?.SecurePassword ?? new SecureString(), ApiKey, TotpSecret,
                TotpCode is null ? null : SecretText.Protect(TotpCode.Trim()), Clock);
        }
        catch (ServiceException ex)
        {
            Terminate(ex, ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, null);
            return;
        }

        if (SessionTokenRenewalMinutes > 0 && TotpSecret is null)
        {
            authenticator.Dispose();
            Terminate(new ArgumentException("-SessionTokenRenewalMinutes needs -TotpSecret: renewing creates a new MFA session token, which takes a fresh one-time code."),
                ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, null);
        }

        var client = new PowerClerkClient(options, authenticator, Clock)
        {
            RenewSessionTokenBefore = SessionTokenRenewalMinutes > 0 ? TimeSpan.FromMinutes(SessionTokenRenewalMinutes) : null,
        };
        var connection = new PowerClerkConnection(client, Clock.UtcNow);
        Seam.WriteVerbose($"Connected to PowerClerk at {connection.BaseUri} ({connection}). The service sees the credentials on the first request.");
        if (authenticator.TotpSeedBits is { } bits && bits < Core.PowerClerk.PowerClerkProtocol.RecommendedTotpSeedBytes * 8)
        {
            Seam.WriteWarning($"The TOTP secret is {bits} bits long, shorter than the {Core.PowerClerk.PowerClerkProtocol.RecommendedTotpSeedBytes * 8} bits RFC 4226 asks for; check that it is the whole seed the authenticator app shows.");
        }

        Publish(connection);
    }
}
