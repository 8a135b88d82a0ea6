using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Audit;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Text;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenItem = (string Token, string Fingerprint, long? UserId, string? UserFullName); // the owner as listed, never sent
using TokenAdmin.Commands;

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
public sealed class RemoveAuthTokenCommand : BulkRemoveCommand<HdcConnection, TokenItem, bool>
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

    private protected override IReadOnlyList<string> ItemProperties { get; } = new[] { nameof(Token) };

    private protected override ErrorVocabulary ItemVocabulary => HdcErrors.TokenVocabulary;

    /// <summary>Each token with the record's owner, copied: the item outlives the record's binding.</summary>
    private protected override IReadOnlyList<TokenItem> BoundItems()
    {
        var userId = UserId > 0 ? UserId : (long?)null;
        return (Token ?? Array.Empty<string>()).Select(token => (token, TokenFingerprint.Of(token), userId, UserFullName)).ToArray();
    }

    internal override ItemDescription Describe(HdcConnection connection, TokenItem item) => new(
        HdcCommand.DescribeTarget(item.Fingerprint, item.UserId, item.UserFullName, connection.BaseUri),
        new AuditTarget("Remove auth token", nameof(AuthToken), item.Fingerprint, item.UserId?.ToString(CultureInfo.InvariantCulture)),
        item.Fingerprint, item.Fingerprint);

    internal override object NotAttemptedForm(TokenItem item) => new AuthTokenReference(item.Token, item.Fingerprint, item.UserId, item.UserFullName);

    internal override async Task<bool> SendAsync(HdcConnection connection, IReadOnlyList<TokenItem> items, RequestContext call)
    {
        await connection.Client.DeleteTokenAsync(items[0].Token, call).ConfigureAwait(false);
        return true;
    }

    internal override object PassThruResult(HdcConnection connection, TokenItem item, bool result) =>
        new AuthTokenRemovalResult(item.Fingerprint, item.UserId, item.UserFullName, connection.BaseUri, connection.Http.Clock.UtcNow);
}
