using System;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

/// <summary>How an apstrata connection authenticates.</summary>
public enum ApstrataIdentity
{
    /// <summary>The account owner: signed with the account secret.</summary>
    Owner,

    /// <summary>A user: signed with UPPERHEX(MD5(password)), apsws.user names the login.</summary>
    User,

    /// <summary>A user's token: apsdb.authToken and apsws.user, no signature (HTTPS only).</summary>
    Token,
}
