namespace TokenAdmin;

/// <summary>Get-TokenAdminAuditLog: where this session's changes are audited.</summary>
public sealed class TokenAdminAuditLog
{
    internal TokenAdminAuditLog(string path, bool includeWhatIf)
    {
        Path = path;
        IncludeWhatIf = includeWhatIf;
    }

    /// <summary>The JSON-lines file each change appends one line to.</summary>
    public string Path { get; }

    /// <summary>Whether -WhatIf runs write "would" lines.</summary>
    public bool IncludeWhatIf { get; }

    public override string ToString() => Path;
}
