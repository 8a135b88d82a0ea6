namespace TokenAdmin;

/// <summary>
/// Revoke-TokenAdminUserAccess: what was revoked for one person on each service, and what failed.
/// Text and numbers only (lists joined with ';'), no secret and no token value, so Export-Csv
/// writes it as it is.
/// </summary>
public sealed class UserAccessRevocation
{
    /// <summary>Made by Revoke-TokenAdminUserAccess (a script function, hence public).</summary>
    public UserAccessRevocation(string name, long? hdcUserId, int hdcTokensRevoked, int hdcTokensFailed,
        string securIdTokensDeleted, string securIdTokensFailed, string securIdTokenUsers, string apstrataLoginsCleared, string apstrataLoginsFailed,
        string status, string errors)
    {
        Name = name;
        HdcUserId = hdcUserId;
        HdcTokensRevoked = hdcTokensRevoked;
        HdcTokensFailed = hdcTokensFailed;
        SecurIdTokensDeleted = securIdTokensDeleted;
        SecurIdTokensFailed = securIdTokensFailed;
        SecurIdTokenUsers = securIdTokenUsers;
        ApstrataLoginsCleared = apstrataLoginsCleared;
        ApstrataLoginsFailed = apstrataLoginsFailed;
        Status = status;
        Errors = errors;
    }

    public string Name { get; }

    public long? HdcUserId { get; }

    public int HdcTokensRevoked { get; }

    /// <summary>Listed tokens that were not revoked (failed, or not attempted after refused credentials).</summary>
    public int HdcTokensFailed { get; }

    /// <summary>Serial numbers deleted, joined with ';'.</summary>
    public string SecurIdTokensDeleted { get; }

    /// <summary>Serials not deleted: failed, not found, or held back as another user's (see Errors).</summary>
    public string SecurIdTokensFailed { get; }

    /// <summary>Whose each serial was, as looked up before anything was deleted: "000300000001=dreyes;000300000009=(unassigned)".</summary>
    public string SecurIdTokenUsers { get; }

    /// <summary>Logins whose tokens were all removed, joined with ';'.</summary>
    public string ApstrataLoginsCleared { get; }

    public string ApstrataLoginsFailed { get; }

    /// <summary>Revoked, PartiallyRevoked, Failed, NothingToRevoke, or Refused (the row was not valid and nothing of it was sent).</summary>
    public string Status { get; }

    /// <summary>"Service ErrorId item" for each failure, joined with ';'; the error records hold the details.</summary>
    public string Errors { get; }

    public override string ToString() => $"{Name}: {Status}";
}
