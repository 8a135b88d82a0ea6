using System.Threading;
using TokenAdmin.Core.Audit;

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

    public void Set(AuditLogFile file, bool includeWhatIf) => Volatile.Write(ref _current, new Current(file, includeWhatIf));

    public void Disable() => Volatile.Write(ref _current, null);

    internal sealed record Current(AuditLogFile File, bool IncludeWhatIf);
}
