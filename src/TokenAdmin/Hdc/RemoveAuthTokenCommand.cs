using System.Management.Automation;
using TokenAdmin.Core.Text;
using TokenAdmin.Connections;
using TokenAdmin.Errors;

namespace TokenAdmin.Hdc;

/// <summary>Revokes HDC authentication tokens.</summary>
/// <remarks>
/// <para>Takes token values from the pipeline: strings, or objects with a Token property such as the
/// output of Get-AuthToken or an Import-Csv row. Asks for confirmation (ConfirmImpact High) unless
/// -Confirm:$false.</para>
/// <para>Up to -ThrottleLimit revocations run at once on the connection's pool, with a progress bar for
/// more than one. Each failure is its own non-terminating error (AuthTokenNotFound, RateLimited, ...)
/// whose target is the token's fingerprint; the others go on.</para>
/// </remarks>
/// <example title="Revoke every token of a user">
/// <code>Get-AuthToken -UserId 5 | Remove-AuthToken</code>
/// <para>Lists user 5's tokens and revokes each one after confirming.</para>
/// </example>
/// <example title="Revoke tokens listed in a file, unattended">
/// <code>Import-Csv ./revoke.csv | Remove-AuthToken -Confirm:$false -ThrottleLimit 8 -ErrorVariable failed -PassThru</code>
/// <para>A Token column binds by property name; failures are collected in $failed, successes written as results.</para>
/// </example>
/// <example title="See what would be revoked">
/// <code>Get-AuthToken -Context ReadDocuments | Remove-AuthToken -WhatIf</code>
/// <para>Names each token by its fingerprint and sends nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "AuthToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AuthTokenRemovalResult))]
public sealed class RemoveAuthTokenCommand : BulkRemoveCommand<HdcConnection>
{
    /// <summary>Token values to revoke.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Token { get; set; } = null!;

    private protected override TokenAdminService Service => TokenAdminService.Hdc;

    private protected override ErrorVocabulary Vocabulary => HdcErrors.Vocabulary;

    private protected override string ProgressActivity => "Removing auth tokens";

    private protected override int ItemsBoundOnCommandLine => Token?.Length ?? 0;

    private protected override void Process()
    {
        var connection = RequireConnection();
        foreach (var token in Token)
        {
            var fingerprint = TokenFingerprint.Of(token);
            if (!Seam.ShouldProcess($"{HdcCommand.Describe(token)} on {connection.BaseUri}", "Remove auth token"))
            {
                continue;
            }

            StartItem(Runner, async ct =>
                {
                    await connection.Client.DeleteTokenAsync(token, Trace, ct).ConfigureAwait(false);
                    return true;
                },
                fingerprint, HdcErrors.TokenVocabulary, _ =>
                {
                    if (PassThruPresent)
                    {
                        Seam.WriteObject(new AuthTokenRemovalResult(fingerprint, connection.BaseUri, connection.Http.Clock.UtcNow));
                    }
                });
        }
    }
}
