using System.Threading;
using TokenAdmin.Core.Audit;
using TokenAdmin.Runtime;

namespace TokenAdmin.Audit;

/// <summary>
/// Where changes are audited (Set-TokenAdminAuditLog). Process-wide like the connections, so
/// ForEach-Object -Parallel runspaces and thread jobs audit to the session's log too.
/// </summary>
internal sealed class AuditSettings
{
    private Current? _current;

    public static AuditSettings Session { get; } = new();

    /// <summary>The log, and whether -WhatIf writes "would" lines; null when auditing is off.</summary>
    public Current? Log => Volatile.Read(ref _current);

    public void Set(AuditLogFile file, bool includeWhatIf, bool strict = false) => Volatile.Write(ref _current, new Current(file, includeWhatIf, strict));

    public void Disable() => Volatile.Write(ref _current, null);

    /// <summary>One Set-TokenAdminAuditLog: the file and its options, and (strict) what stopped every later change.</summary>
    internal sealed record Current(AuditLogFile File, bool IncludeWhatIf, bool Strict)
    {
        private CommandError? _stop;

        /// <summary>Strict only: set when a change's line was lost; every later change, in any command, stops until the log is set again.</summary>
        public CommandError? Stop => Volatile.Read(ref _stop);

        /// <summary>The stop error, made once for all commands (one instance, so a bulk run records it once).</summary>
        public CommandError Stopped(CommandError error)
        {
            Interlocked.CompareExchange(ref _stop, error, null);
            return Stop!;
        }
    }
}
