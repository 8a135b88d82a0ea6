using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Audit;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.PowerClerk;

/// <summary>Removes PowerClerk MFA session tokens.</summary>
/// <remarks>
/// <para>Takes token ids from the pipeline (text, or objects with a TokenId such as New-MfaSessionToken's
/// output). Without -TokenId it removes the connection's current session token, after which the
/// connection forgets it and goes back to one-time codes (from -TotpSecret) if it can. Asks for
/// confirmation (ConfirmImpact High, like every Remove-*) unless -Confirm:$false. Each id is
/// checked before anything is sent: letters and digits only, so nothing can change the URL path.</para>
/// <para>404 is MfaSessionTokenNotFound for that id; the others go on. A 401 stops the command (every
/// later removal would fail too) and says which factor the connection sent.</para>
/// </remarks>
/// <example title="Remove the token the connection uses">
/// <code>Remove-MfaSessionToken -Confirm:$false</code>
/// <para>Later requests carry a one-time code again (with -TotpSecret) or none.</para>
/// </example>
/// <example title="Remove a token just created">
/// <code>New-MfaSessionToken -TotpCode 123456 | Remove-MfaSessionToken -Confirm:$false -PassThru</code>
/// <para>TokenId binds by property name; the result says what was removed, whose, where and when.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "MfaSessionToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MfaSessionTokenRemovalResult))]
public sealed class RemoveMfaSessionTokenCommand : BulkRemoveCommand<PowerClerkConnection, string, bool>
{
    /// <summary>Ids of the session tokens to remove (like RXKVCEZTR0GN). Default: the connection's current one.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? TokenId { get; set; }

    private protected override string ProgressActivity => "Removing MFA session tokens";

    private protected override IReadOnlyList<string> ItemProperties { get; } = new[] { nameof(TokenId) };

    private protected override IReadOnlyList<string> BoundItems() => TokenId ?? Array.Empty<string>();

    /// <summary>No -TokenId: the connection's current session token.</summary>
    private protected override IReadOnlyList<string> ItemsFor(PowerClerkConnection connection, IReadOnlyList<string> bound)
    {
        if (bound.Count > 0)
        {
            return bound;
        }

        if (connection.SessionTokenId is { } current)
        {
            return new[] { current };
        }

        Seam.WriteError(new CommandError(
            new TokenAdminException("This PowerClerk connection holds no MFA session token, and no -TokenId was given: nothing to remove.", PowerClerkErrors.NoMfaSessionToken),
            PowerClerkErrors.NoMfaSessionToken, ErrorCategory.ObjectNotFound, connection));
        return bound;
    }

    internal override ItemDescription Describe(PowerClerkConnection connection, string id) => new(
        $"MFA session token {Core.Text.EchoedText.Of(id)} of {connection.UserName} on {connection.BaseUri}",
        new AuditTarget("Remove MFA session token", nameof(MfaSessionToken), id, connection.UserName),
        id, Core.Text.EchoedText.Of(id));

    internal override object NotAttemptedForm(string id) => id;

    internal override async Task<bool> SendAsync(PowerClerkConnection connection, IReadOnlyList<string> ids, RequestContext call)
    {
        await connection.Client.DeleteSessionTokenAsync(ids[0], call).ConfigureAwait(false);
        return true;
    }

    internal override object PassThruResult(PowerClerkConnection connection, string id, bool result) =>
        new MfaSessionTokenRemovalResult(id, connection.UserName, connection.BaseUri, connection.Http.Clock.UtcNow);

    private protected override CommandError Explain(CommandError error, ServiceException exception) =>
        SecondFactorAdvice.Explain(error, exception);
}
