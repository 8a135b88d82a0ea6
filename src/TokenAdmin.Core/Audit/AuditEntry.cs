using System;

namespace TokenAdmin.Core.Audit;

/// <summary>
/// One change, as the audit log keeps it: who did what to which item, and how it ended. Holds
/// names and identifiers only (a fingerprint, a serial, a login, a TokenId): never a secret and
/// never a token value, so a line can be shown to anyone who may read the log.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>When the outcome was known, UTC.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Hdc, SecurId, PowerClerk or Apstrata.</summary>
    public required string Service { get; init; }

    /// <summary>The connection's base URL (the tenant).</summary>
    public required string BaseUrl { get; init; }

    /// <summary>Who acted: the user name, access ID or auth key the connection authenticates as.</summary>
    public required string Identity { get; init; }

    /// <summary>The cmdlet, e.g. Remove-AuthToken.</summary>
    public required string Command { get; init; }

    /// <summary>The change in words, as -WhatIf says it: "Remove auth token", "Delete hardware token".</summary>
    public required string Operation { get; init; }

    /// <summary>What kind of item: AuthToken, SecurIdHardwareToken, MfaSessionToken, ApstrataUserTokens, ApstrataToken.</summary>
    public required string TargetType { get; init; }

    /// <summary>The item: a token's fingerprint, a serial number, a TokenId, a login.</summary>
    public required string Target { get; init; }

    /// <summary>Whose item it is, when known (an HDC user id, a SecurID user, a login).</summary>
    public string? Owner { get; init; }

    /// <summary><see cref="AuditOutcome"/>: done, failed, unknown (failed, but it may have been made), not attempted, or would (-WhatIf).</summary>
    public required string Outcome { get; init; }

    /// <summary>The error's ErrorId when the outcome is failed or unknown.</summary>
    public string? ErrorId { get; init; }

    /// <summary>HTTP attempts of the change request (retries included); 0 when nothing was sent.</summary>
    public int Attempts { get; init; }

    /// <summary>The service's request id of the last attempt, when it sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The TokenAdmin version that made the change.</summary>
    public required string Version { get; init; }
}
