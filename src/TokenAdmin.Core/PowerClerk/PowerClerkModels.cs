using System;
using System.Security;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>An MFA session token as the service created it. <see cref="Token"/> is the secret.</summary>
public sealed record MfaSessionTokenInfo(string TokenId, SecureString Token, DateTimeOffset? ExpiresAt);

/// <summary>Which second factor a request must carry.</summary>
public sealed class SecondFactorRule : IAuthenticationHint
{
    private readonly string _name;

    private SecondFactorRule(string name) => _name = name;

    /// <summary>The connection's MST while it is valid, otherwise a TOTP, otherwise none (an account without MFA).</summary>
    public static SecondFactorRule Any { get; } = new(nameof(Any));

    /// <summary>[doc] A fresh TOTP only: creating an MST refuses an MST as the factor.</summary>
    public static SecondFactorRule TotpOnly { get; } = new(nameof(TotpOnly));

    public override string ToString() => _name;
}

/// <summary>What one request sent as its second factor, for messages about a refused one.</summary>
public sealed class SecondFactorSent : ICredentialSent
{
    private readonly string _name;

    private SecondFactorSent(string name) => _name = name;

    public static SecondFactorSent None { get; } = new(nameof(None));

    public static SecondFactorSent Totp { get; } = new(nameof(Totp));

    public static SecondFactorSent SessionToken { get; } = new(nameof(SessionToken));

    public override string ToString() => _name;
}
