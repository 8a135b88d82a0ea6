using System;

namespace TokenAdmin.Core.Audit;

/// <summary>How an audited change ended.</summary>
public static class AuditOutcome
{
    public const string Done = "done";
    public const string Failed = "failed";
    public const string NotAttempted = "not attempted";

    /// <summary>The change failed, but an attempt broke off unanswered, so the service may have made it (check the item).</summary>
    public const string Unknown = "unknown";
    public const string Would = "would";
}
