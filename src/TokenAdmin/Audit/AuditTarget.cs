namespace TokenAdmin.Audit;

/// <summary>
/// What an audited change does to which item, as a command describes it before it acts. Target and
/// owner are identifiers (a fingerprint, a serial, a login), never a token value.
/// </summary>
internal sealed record AuditTarget(string Operation, string TargetType, string Target, string? Owner = null);
