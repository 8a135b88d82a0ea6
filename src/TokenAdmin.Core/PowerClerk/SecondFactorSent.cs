using System;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.PowerClerk;

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
