using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Audit;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using SerialItem = (string Serial, string? AssignedTo); // the user as looked up, never sent
using TokenAdmin.Commands;

namespace TokenAdmin.SecurId;

/// <summary>Deletes RSA SecurID hardware tokens.</summary>
/// <remarks>
/// <para>After deletion the user can no longer authenticate with the token. Needs a Super Administrator
/// API key: a Help Desk Administrator key gets a SecurIdPermissionDenied error. Asks for confirmation
/// (ConfirmImpact High) unless -Confirm:$false.</para>
/// <para>Serials bind from the pipeline by value and by property name (SerialNumber or TokenSerialNumber),
/// so Get-SecurIdHardwareToken output and Import-Csv rows both work. Up to -ThrottleLimit deletions run at
/// once; each failure (SecurIdTokenNotFound, SecurIdPermissionDenied, RateLimited, ServiceError) is a
/// non-terminating error for its serial and the others go on.</para>
/// </remarks>
/// <example title="Delete one token">
/// <code>Remove-SecurIdHardwareToken -SerialNumber '000123456789'</code>
/// <para>Asks for confirmation, then deletes it.</para>
/// </example>
/// <example title="Delete the tokens listed in a file, unattended">
/// <code>Import-Csv ./returned-tokens.csv | Remove-SecurIdHardwareToken -Confirm:$false -ThrottleLimit 8 -ErrorVariable failed -PassThru</code>
/// <para>A TokenSerialNumber (or SerialNumber) column binds by property name; failures land in $failed.</para>
/// </example>
/// <example title="Delete the disabled ones among some serials">
/// <code>Get-SecurIdHardwareToken -SerialNumber $serials | Where-Object Status -eq 'Disabled' | Remove-SecurIdHardwareToken -WhatIf</code>
/// <para>Shows what would be deleted and sends nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "SecurIdHardwareToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecurIdTokenRemovalResult))]
public sealed class RemoveSecurIdHardwareTokenCommand : BulkRemoveCommand<SecurIdConnection, SerialItem, string?>
{
    /// <summary>Serial numbers of the tokens to delete, 1 to 36 characters. Quote them: a number (unquoted digits) is refused, since PowerShell has dropped its leading zeros.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TokenSerialNumber")]
    [SerialNumberAsText]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 36)]
    public string[] SerialNumber { get; set; } = null!;

    /// <summary>
    /// The user the token is assigned to, as looked up: bound by property name from
    /// Get-SecurIdHardwareToken output or a CSV UserId column. Named in the confirmation prompt and, when
    /// the service's answer does not say, in the -PassThru result; not sent.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserId { get; set; }

    private protected override string ProgressActivity => "Deleting SecurID hardware tokens";

    private protected override IReadOnlyList<string> ItemProperties { get; } = new[] { nameof(SerialNumber), "TokenSerialNumber" };

    private protected override ErrorVocabulary ItemVocabulary => SecurIdErrors.Delete;

    /// <summary>Each serial with the record's user, copied: the item outlives the record's binding.</summary>
    private protected override IReadOnlyList<SerialItem> BoundItems()
    {
        var assignedTo = string.IsNullOrWhiteSpace(UserId) ? null : UserId;
        return (SerialNumber ?? Array.Empty<string>()).Select(serial => (serial, assignedTo)).ToArray();
    }

    internal override ItemDescription Describe(SecurIdConnection connection, SerialItem item) => new(
        $"SecurID token {item.Serial}{(item.AssignedTo is null ? string.Empty : $" of {item.AssignedTo}")} ({connection.CustomerName ?? connection.AdminRestApiUrl})",
        new AuditTarget("Delete hardware token", nameof(SecurIdHardwareToken), item.Serial, item.AssignedTo),
        item.Serial, item.Serial);

    internal override object NotAttemptedForm(SerialItem item) => item.Serial;

    /// <summary>Deletes the token; its user, when the service's answer says.</summary>
    internal override async Task<string?> SendAsync(SecurIdConnection connection, IReadOnlyList<SerialItem> items, RequestContext call) =>
        (await connection.Client.DeleteAsync(items[0].Serial, call).ConfigureAwait(false)).UserId;

    /// <summary>The line names the token's user as the answer gave it, when the record did not.</summary>
    internal override AuditTarget DoneChange(AuditTarget change, string? deletedUser) =>
        change.Owner is null && !string.IsNullOrWhiteSpace(deletedUser) ? change with { Owner = deletedUser } : change;

    internal override object PassThruResult(SecurIdConnection connection, SerialItem item, string? deletedUser) =>
        new SecurIdTokenRemovalResult(item.Serial, deletedUser ?? item.AssignedTo, connection.CustomerName, connection.AdminRestApiUrl, connection.Http.Clock.UtcNow);
}
