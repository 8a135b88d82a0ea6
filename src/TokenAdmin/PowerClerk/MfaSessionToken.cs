using System;
using System.Security;
using TokenAdmin.Core.PowerClerk;

namespace TokenAdmin;

/// <summary>
/// A PowerClerk MFA session token (New-MfaSessionToken). <see cref="Token"/> is the secret, a
/// SecureString: no view, ToString, JSON or CSV shows it. The connection it was made on sends it as
/// its second factor until it expires or is removed.
/// </summary>
public sealed class MfaSessionToken
{
    internal MfaSessionToken(MfaSessionTokenInfo info, PowerClerkConnection connection)
    {
        TokenId = info.TokenId;
        ExpiresAt = info.ExpiresAt;
        Token = info.Token;
        UserName = connection.UserName;
        Connection = connection;
    }

    /// <summary>The token's id (letters and digits, like RXKVCEZTR0GN): what Remove-MfaSessionToken takes.</summary>
    public string TokenId { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public string? UserName { get; }

    /// <summary>The session token itself. Treat it like a password.</summary>
    public SecureString Token { get; }

    /// <summary>Where it was created; binds to -Connection down the pipeline.</summary>
    public PowerClerkConnection Connection { get; }

    public override string ToString() => ExpiresAt is { } at ? $"{TokenId} (expires {at:u})" : TokenId;
}
