using System;
using System.Security;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>An MFA session token as the service created it. <see cref="Token"/> is the secret.</summary>
public sealed record MfaSessionTokenInfo(string TokenId, SecureString Token, DateTimeOffset? ExpiresAt);

/// <summary>Which second factor a request must carry.</summary>
public enum SecondFactorRule
{
    /// <summary>The connection's MST while it is valid, otherwise a TOTP, otherwise none (an account without MFA).</summary>
    Any,

    /// <summary>[doc] A fresh TOTP only: creating an MST refuses an MST as the factor.</summary>
    TotpOnly,
}

/// <summary>What the connection sent as its second factor, for messages about a refused one.</summary>
public enum SecondFactorSent
{
    None,
    Totp,
    SessionToken,
}
