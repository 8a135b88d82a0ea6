using System;
using TokenAdmin.Connections;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.PowerClerk;

namespace TokenAdmin;

/// <summary>
/// A connection to PowerClerk (Connect-PowerClerk). Shows the base URL, the user, whether MFA is in
/// use and the current MFA session token's id and expiry; never the password, API key, TOTP seed,
/// code or session token.
/// </summary>
public sealed class PowerClerkConnection : TokenAdminConnection
{
    internal PowerClerkConnection(PowerClerkClient client, DateTimeOffset connectedAt)
        : base(client.Http, client.Authenticator.UserName, connectedAt)
    {
        Client = client;
    }

    internal static ServiceDescriptor Descriptor { get; } = new(TokenAdminService.PowerClerk, PowerClerkErrors.Vocabulary);

    public override TokenAdminService Service => Descriptor.Service;

    /// <summary>
    /// Whether the account uses MFA: True when the connection was given a second factor or the service
    /// asked for one, False once the service accepted a request without one, empty until either is known.
    /// </summary>
    public bool? UsesMfa => Client.Authenticator.UsesMfa;

    /// <summary>What the second factor is now: SessionToken, TotpSecret, TotpCode or None.</summary>
    public string SecondFactor => Client.Authenticator switch
    {
        { SessionToken: not null } => "SessionToken",
        { HasTotpSecret: true } => "TotpSecret",
        { OneTimeCodeGiven: true } => "TotpCode",
        _ => "None",
    };

    /// <summary>The id of the MFA session token this connection sends, if any.</summary>
    public string? SessionTokenId => Client.Authenticator.SessionToken?.TokenId;

    public DateTimeOffset? SessionTokenExpiresAt => Client.Authenticator.SessionToken?.ExpiresAt;

    internal PowerClerkClient Client { get; }

    private protected override void ReleaseResources() => Client.Dispose();

    public override string ToString() => $"{Service} {BaseUri} ({UserName}, {UsesMfa switch { true => "MFA", false => "no MFA", null => "MFA not known yet" }})";
}
