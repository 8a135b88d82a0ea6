using TokenAdmin.Connections;
using TokenAdmin.Core.Audit;
using TokenAdmin.Runtime;

namespace TokenAdmin.Audit;

/// <summary>The one rule for asking before a change: -WhatIf, -Confirm, and a strict audit log that has stopped changes.</summary>
internal static class ChangeConfirmation
{
    /// <summary>
    /// ShouldProcess with the change's operation as the action. Under -WhatIf, and when the audit log
    /// asks for them, the change is logged as one it would make. A strict log that lost a line gives
    /// <paramref name="stop"/> instead of asking: no change it cannot record is made.
    /// </summary>
    public static bool Ask(ICommandSeam seam, CommandAudit? audit, TokenAdminConnection connection, string prompt, AuditTarget change, out CommandError? stop)
    {
        stop = !seam.IsWhatIf ? audit?.Stop : null;
        if (stop is not null)
        {
            return false;
        }

        if (seam.ShouldProcess(prompt, change.Operation))
        {
            return true;
        }

        if (audit is { IncludeWhatIf: true } && seam.IsWhatIf)
        {
            audit.Write(connection, change, AuditOutcome.Would);
        }

        return false;
    }
}
