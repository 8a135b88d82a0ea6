using System;
using System.Security;
using TokenAdmin.Core.Apstrata;

namespace TokenAdmin;

/// <summary>
/// An apstrata user token (New-ApstrataToken). <see cref="Token"/> is a SecureString no view, ToString,
/// JSON or CSV shows. Piped to Connect-Apstrata it makes a token connection (User, Token, AuthKey and
/// BaseUri bind by property name).
/// </summary>
public sealed class ApstrataToken
{
    internal ApstrataToken(ApstrataTokenInfo info, ApstrataConnection connection)
    {
        User = info.User;
        Token = info.Token;
        ExpiresAt = info.ExpiresAt;
        LifetimeEndsAt = info.LifetimeEndsAt;
        AuthKey = connection.AuthKey;
        BaseUri = connection.BaseUri;
    }

    /// <summary>The user's login.</summary>
    public string User { get; }

    /// <summary>The token itself. Treat it like a password.</summary>
    public SecureString Token { get; }

    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Renewals cannot go past this.</summary>
    public DateTimeOffset? LifetimeEndsAt { get; }

    public string AuthKey { get; }

    public Uri BaseUri { get; }

    public override string ToString() => ExpiresAt is { } at ? $"{User} (token expires {at:u})" : User;
}
