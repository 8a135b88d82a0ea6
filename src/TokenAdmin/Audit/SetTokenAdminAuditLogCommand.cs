using System;
using System.IO;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Core.Audit;
using TokenAdmin.Errors;
using TokenAdmin.Items;
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
/// <para>Only a regular file is accepted: a symbolic link, FIFO, device or folder is refused; a new log is created
/// readable and writable by its owner only. A change whose line cannot be written is an error naming the change;
/// with -Strict, TokenAdmin then also stops before its next change.</para>
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
/// <example title="No change that the log cannot record">
/// <code>Set-TokenAdminAuditLog -Path /var/log/tokenadmin/changes.jsonl -Strict</code>
/// <para>If a line cannot be written (the disk is full), the command stops before its next change with AuditLogStopped.</para>
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

    /// <summary>
    /// Make the log a condition of every change: once a change's line cannot be written (disk full, folder
    /// removed, file held by another process), TokenAdmin stops before the next change, in this command and
    /// every later one, until Set-TokenAdminAuditLog is run again. Without it, each lost line is an error
    /// (AuditLineNotWritten) and the run goes on.
    /// </summary>
    [Parameter(ParameterSetName = PathSet)]
    public SwitchParameter Strict
    {
        get => new(StrictPresent);
        set => StrictPresent = value.IsPresent;
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

    internal bool StrictPresent { get; set; }

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
        var file = new AuditLogFile(full);
        try
        {
            file.Probe(); // proves now, before any change, that the lines can be written (and creates the file)
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var reason = AuditLogFile.Problem(full) is { } problem ? $"{problem}." : exception.Message;
            Seam.ThrowTerminatingError(new CommandError(
                new TokenAdminException($"The audit log {full} cannot be written: {reason} Auditing is unchanged.", ErrorIds.AuditLogNotWritable),
                ErrorIds.AuditLogNotWritable, ErrorCategory.WriteError, full));
        }

        Auditing.Set(file, IncludeWhatIfPresent, StrictPresent);
        Seam.WriteVerbose($"Auditing changes to {full}{(IncludeWhatIfPresent ? ", -WhatIf included" : string.Empty)}{(StrictPresent ? ", strict" : string.Empty)}.");
        if (PassThruPresent)
        {
            Seam.WriteObject(new TokenAdminAuditLog(full, IncludeWhatIfPresent, StrictPresent));
        }
    }
}
