namespace TokenAdmin;

/// <summary>Get-TokenAdminAuditLog: where this session's changes are audited.</summary>
public sealed class TokenAdminAuditLog
{
    internal TokenAdminAuditLog(string path, bool includeWhatIf, bool strict)
    {
        Path = path;
        IncludeWhatIf = includeWhatIf;
        Strict = strict;
    }

    /// <summary>The JSON-lines file each change appends one line to.</summary>
    public string Path { get; }

    /// <summary>Whether -WhatIf runs write "would" lines.</summary>
    public bool IncludeWhatIf { get; }

    /// <summary>Whether a lost line stops every later change (Set-TokenAdminAuditLog -Strict).</summary>
    public bool Strict { get; }

    public override string ToString() => Path;
}
