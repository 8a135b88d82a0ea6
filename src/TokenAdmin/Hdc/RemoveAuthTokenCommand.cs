using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Text;
using TokenAdmin.Audit;
using TokenAdmin.Connections;
using TokenAdmin.Errors;

namespace TokenAdmin.Hdc;

/// <summary>Revokes HDC authentication tokens.</summary>
/// <remarks>
/// <para>Takes token values from the pipeline: strings, or objects with a Token property such as the
/// output of Get-AuthToken or an Import-Csv row. Asks for confirmation (ConfirmImpact High) unless
/// -Confirm:$false; the prompt names the token by fingerprint and, when the piped object says
/// (UserId, UserFullName), whose it is.</para>
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
    /// <summary>Token values to revoke: text, or SecureStrings (such as the Token of an AuthTokenReference a stopped run left in its error's NotAttempted).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [TokenAsText]
    [ValidateNotNullOrEmpty]
    public string[] Token { get; set; } = null!;

    /// <summary>
    /// The user the token belongs to, as listed: bound by property name from Get-AuthToken output or a
    /// CSV UserId column. Named in the confirmation prompt and in the -PassThru result; not sent (the
    /// service identifies a token by its value alone). 0 means not known.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, long.MaxValue)]
    public long UserId { get; set; }

    /// <summary>The name of the token's user, bound by property name like -UserId; for the prompt and the result only.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserFullName { get; set; }


    private protected override string ProgressActivity => "Removing auth tokens";

    private protected override int ItemsBoundOnCommandLine => Token?.Length ?? 0;

    private protected override IReadOnlyList<string> ItemProperties { get; } = new[] { nameof(Token) };

    private protected override IEnumerable<object> CurrentItemsNotAttempted()
    {
        var userId = UserId > 0 ? UserId : (long?)null;
        return (Token ?? Array.Empty<string>()).Select(token => (object)new AuthTokenReference(token, TokenFingerprint.Of(token), userId, UserFullName));
    }

    private protected override void ProcessItems()
    {
        var connection = RequireConnection();
        // This record's owner, copied: the completions below run after later records have rebound them.
        var userId = UserId > 0 ? UserId : (long?)null;
        var userFullName = UserFullName;
        foreach (var token in Token)
        {
            var fingerprint = TokenFingerprint.Of(token);
            var change = new AuditTarget("Remove auth token", nameof(AuthToken), fingerprint, userId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!ShouldChange(connection, HdcCommand.DescribeTarget(fingerprint, userId, userFullName, connection.BaseUri), change))
            {
                continue;
            }

            StartChange(Runner, connection, change, async call =>
                {
                    await connection.Client.DeleteTokenAsync(token, call).ConfigureAwait(false);
                    return true;
                },
                fingerprint, () => new AuthTokenReference(token, fingerprint, userId, userFullName), HdcErrors.TokenVocabulary, _ =>
                {
                    if (PassThruPresent)
                    {
                        Seam.WriteObject(new AuthTokenRemovalResult(fingerprint, userId, userFullName, connection.BaseUri, connection.Http.Clock.UtcNow));
                    }
                });
        }
    }
}
