using System;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.PowerClerk;

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
