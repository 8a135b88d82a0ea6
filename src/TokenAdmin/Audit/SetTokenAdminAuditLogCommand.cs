using System;
using System.IO;
using System.Management.Automation;
using TokenAdmin.Core.Audit;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.Audit;

/// <summary>Turns the audit log of changes on (a JSON-lines file) or off, for every TokenAdmin command in this process.</summary>
/// <remarks>
/// <para>Every change a TokenAdmin command makes (New-, Set- and Remove-AuthToken, Remove-SecurIdHardwareToken,
/// New- and Remove-MfaSessionToken and the MST renewals of a PowerClerk connection, New- and Remove-ApstrataToken)
/// then appends one line to the file when its
/// outcome is known: time (UTC), service, base URL, identity (user name, access ID or auth key), command,
/// operation, target type, target (a fingerprint, serial, TokenId or login), owner, outcome (done, failed,
/// not attempted, or would), errorId, attempts, requestId and the TokenAdmin version. Never a secret, never a
/// token value.</para>
/// <para>Lines are written whole, one at a time, and flushed: ForEach-Object -Parallel runspaces, -ThrottleLimit
/// concurrency and other processes writing the same file never tear or interleave them, and a process that
/// is killed loses no line it wrote. A request in flight when a process dies has no line: its outcome was
/// never known. The setting holds for the whole process (like the connections) until it is changed.</para>
/// </remarks>
/// <example title="Audit a scheduled clean-up">
/// <code>Set-TokenAdminAuditLog -Path ./token-changes.jsonl</code>
/// <para>From now on each change appends a line; Get-Content ./token-changes.jsonl | ConvertFrom-Json reads them.</para>
/// </example>
/// <example title="Also record what -WhatIf would do">
/// <code>Set-TokenAdminAuditLog -Path ./plan.jsonl -IncludeWhatIf; Get-AuthToken -UserId 5 | Remove-AuthToken -WhatIf</code>
/// <para>Each token that would be removed gets a line with the outcome "would".</para>
/// </example>
/// <example title="Stop auditing">
/// <code>Set-TokenAdminAuditLog -Disable</code>
/// <para>Changes are no longer written anywhere; the file keeps its lines.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "TokenAdminAuditLog", DefaultParameterSetName = PathSet)]
[OutputType(typeof(TokenAdminAuditLog))]
public sealed class SetTokenAdminAuditLogCommand : TokenAdminCommand
{
    private const string PathSet = "Path";
    private const string DisableSet = "Disable";

    /// <summary>The file to append to; created when missing (its folder must exist). Relative paths are from the current location.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>Also write a line with the outcome "would" for each change -WhatIf shows.</summary>
    [Parameter(ParameterSetName = PathSet)]
    public SwitchParameter IncludeWhatIf
    {
        get => new(IncludeWhatIfPresent);
        set => IncludeWhatIfPresent = value.IsPresent;
    }

    /// <summary>Stop auditing.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DisableSet)]
    public SwitchParameter Disable
    {
        get => new(DisablePresent);
        set => DisablePresent = value.IsPresent;
    }

    /// <summary>Write the setting (Get-TokenAdminAuditLog's object).</summary>
    [Parameter(ParameterSetName = PathSet)]
    public SwitchParameter PassThru
    {
        get => new(PassThruPresent);
        set => PassThruPresent = value.IsPresent;
    }

    // The switches as the logic reads them (and xunit sets them: SwitchParameter is inert in the reference assemblies).
    internal bool IncludeWhatIfPresent { get; set; }

    internal bool DisablePresent { get; set; }

    internal bool PassThruPresent { get; set; }

    private protected override void Process()
    {
        if (DisablePresent)
        {
            Auditing.Disable();
            return;
        }

        var full = Seam.ResolvePath(Path);
        try
        {
            // Proves now, before any change, that the lines can be written (and creates the file).
            using (new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Seam.ThrowTerminatingError(new CommandError(
                new TokenAdminException($"The audit log {full} cannot be written: {exception.Message} Auditing is unchanged.", ErrorIds.AuditLogNotWritable),
                ErrorIds.AuditLogNotWritable, ErrorCategory.WriteError, full));
        }

        Auditing.Set(new AuditLogFile(full), IncludeWhatIfPresent);
        Seam.WriteVerbose($"Auditing changes to {full}{(IncludeWhatIfPresent ? ", -WhatIf included" : string.Empty)}.");
        if (PassThruPresent)
        {
            Seam.WriteObject(new TokenAdminAuditLog(full, IncludeWhatIfPresent));
        }
    }
}
