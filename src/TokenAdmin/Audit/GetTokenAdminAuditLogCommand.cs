using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Audit;

/// <summary>Shows where changes are audited (Set-TokenAdminAuditLog); nothing when auditing is off.</summary>
/// <example title="Is this session audited?">
/// <code>Get-TokenAdminAuditLog</code>
/// <para>The file's Path and whether -WhatIf lines are included, or nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "TokenAdminAuditLog")]
[OutputType(typeof(TokenAdminAuditLog))]
public sealed class GetTokenAdminAuditLogCommand : TokenAdminCommand
{
    private protected override void Process()
    {
        if (Auditing.Log is { } log)
        {
            Seam.WriteObject(new TokenAdminAuditLog(log.File.Path, log.IncludeWhatIf, log.Strict));
        }
    }
}
