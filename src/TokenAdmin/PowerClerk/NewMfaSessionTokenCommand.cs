using System.Management.Automation;
using TokenAdmin.Audit;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.PowerClerk;

/// <summary>Creates a PowerClerk MFA session token, which the connection then sends as its second factor.</summary>
/// <remarks>
/// <para>Creating an MFA session token DELETES the user's previous one (the service keeps one per
/// user), so -WhatIf and the confirmation say so. The request carries a one-time code: -TotpCode, or one
/// computed from the connection's -TotpSecret; the service accepts no session token here.</para>
/// <para>Writes a TokenAdmin.MfaSessionToken (TokenId, ExpiresAt; the token itself is a SecureString no
/// view shows). From then on every request on the connection carries it instead of a code, until it
/// expires or Remove-MfaSessionToken removes it.</para>
/// </remarks>
/// <example title="Create one for an hour of work">
/// <code>New-MfaSessionToken -TotpCode 123456 -ExpiresAfterMinutes 60</code>
/// <para>The code comes from the authenticator app; later requests need none.</para>
/// </example>
/// <example title="Create one, work, remove it">
/// <code>$session = New-MfaSessionToken -Confirm:$false
/// # ... work ...
/// $session | Remove-MfaSessionToken -Confirm:$false</code>
/// <para>With -TotpSecret on the connection no code is typed.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "MfaSessionToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MfaSessionToken))]
public sealed class NewMfaSessionTokenCommand : ServiceCommand<PowerClerkConnection>
{
    /// <summary>A code from the authenticator app for this request (6 to 8 digits); used once.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? TotpCode { get; set; }

    /// <summary>How long the token lives, 1 to 1440 minutes. Default: the service's (60 in its documentation's example).</summary>
    [Parameter]
    [ValidateRange(1, PowerClerkProtocol.MaxExpiresAfterMinutes)]
    public int ExpiresAfterMinutes { get; set; }

    private protected override void Process()
    {
        var connection = RequireConnection();
        var lifetime = ExpiresAfterMinutes > 0 ? $" for {ExpiresAfterMinutes} min" : string.Empty;
        var change = new AuditTarget($"Create MFA session token{lifetime}", nameof(MfaSessionToken), "(new)", connection.UserName);
        if (!ShouldChange(connection, $"MFA session token of {connection.UserName} on {connection.BaseUri} (this deletes the user's previous MFA session token)", change))
        {
            return;
        }

        if (TotpCode is not null)
        {
            try
            {
                connection.Client.Authenticator.SetOneTimeCode(SecretText.Protect(TotpCode));
            }
            catch (ServiceException ex)
            {
                Seam.ThrowTerminatingError(new CommandError(ex, ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, null));
            }
        }

        if (TryChange(connection, change, call => connection.Client.CreateSessionTokenAsync(ExpiresAfterMinutes > 0 ? ExpiresAfterMinutes : null, call), connection.UserName,
                out var created, done: info => change with { Target = info.TokenId }))
        {
            connection.HandedOut = true; // the object carries its connection
            Seam.WriteObject(new MfaSessionToken(created, connection));
        }
    }

    private protected override CommandError Explain(CommandError error, ServiceException exception) =>
        SecondFactorAdvice.Explain(error, exception);
}
