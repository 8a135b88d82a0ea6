using System.Management.Automation;
using TokenAdmin.Audit;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Items;

namespace TokenAdmin.Apstrata;

/// <summary>Makes an apstrata user token (VerifyCredentials), or renews the token connection's own.</summary>
/// <remarks>
/// <para>On a user connection: apsdb.action=generate. -ExpiresAfterSeconds (1 to 86400; the service's
/// default is 1800) and -LifetimeSeconds (the most renewals can reach; default 7200) are checked before
/// anything is sent. On a token connection, -Renew uses apsdb.action=renew: the old token stays valid
/// 5 s and the connection then uses the new one; a token cannot be renewed past its lifetime.</para>
/// <para>Writes a TokenAdmin.ApstrataToken (User, ExpiresAt, LifetimeEndsAt; the token itself is a
/// SecureString no view shows). Piped to Connect-Apstrata it makes a token connection.</para>
/// </remarks>
/// <example title="A token for half an hour, then a token connection">
/// <code>New-ApstrataToken -ExpiresAfterSeconds 1800 | Connect-Apstrata</code>
/// <para>Needs a user connection first (Connect-Apstrata -Credential).</para>
/// </example>
/// <example title="Keep a token connection alive">
/// <code>New-ApstrataToken -Renew</code>
/// <para>The connection carries the new token from then on.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "ApstrataToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ApstrataToken))]
public sealed class NewApstrataTokenCommand : ServiceCommand<ApstrataConnection>
{
    /// <summary>Seconds until the token expires, 1 to 86400. Default: the service's (1800).</summary>
    [Parameter]
    [ValidateRange(1, ApstrataProtocol.MaxTokenExpiresSeconds)]
    public int ExpiresAfterSeconds { get; set; }

    /// <summary>Seconds the token may be renewed for, at least its expiry. Default: the service's (7200).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int LifetimeSeconds { get; set; }

    /// <summary>Renew the token connection's own token instead (apsdb.action=renew).</summary>
    [Parameter]
    public SwitchParameter Renew
    {
        get => new(RenewPresent);
        set => RenewPresent = value.IsPresent;
    }

    internal bool RenewPresent { get; set; }

    private protected override void Process()
    {
        var connection = RequireConnection();
        if (ApstrataConnectionKinds.Require(connection, RenewPresent ? ApstrataIdentity.Token : ApstrataIdentity.User,
                RenewPresent ? "New-ApstrataToken -Renew" : "New-ApstrataToken") is { } wrong)
        {
            Seam.ThrowTerminatingError(wrong);
        }

        var change = new AuditTarget(RenewPresent ? "Renew token" : "Create token", nameof(ApstrataToken), connection.UserName ?? string.Empty);
        if (!ShouldChange(connection, $"apstrata token of {connection.UserName} ({connection.AuthKey}) on {connection.BaseUri}", change))
        {
            return;
        }

        var expires = ExpiresAfterSeconds > 0 ? ExpiresAfterSeconds : (int?)null;
        var lifetime = LifetimeSeconds > 0 ? LifetimeSeconds : (int?)null;
        if (TryChange(connection, change, call => RenewPresent ? connection.Client.RenewTokenAsync(call) : connection.Client.GenerateTokenAsync(expires, lifetime, call),
                connection.UserName, out var token))
        {
            Seam.WriteObject(new ApstrataToken(token, connection));
        }
    }
}
