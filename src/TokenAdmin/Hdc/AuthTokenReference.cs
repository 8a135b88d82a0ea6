using System.Security;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin;

/// <summary>
/// An HDC token a command did not get to (see <see cref="TokenAdminException.NotAttempted"/>): its
/// fingerprint and owner to read, and its value as a SecureString, so that errors, Get-Error and
/// ConvertTo-Json never show it. Piping it back to Remove-AuthToken binds Token by property name.
/// </summary>
public sealed class AuthTokenReference
{
    internal AuthTokenReference(string token, string fingerprint, long? userId, string? userFullName)
    {
        Token = SecretText.Protect(token);
        Fingerprint = fingerprint;
        UserId = userId ?? 0;
        UserFullName = userFullName;
    }

    public string Fingerprint { get; }

    /// <summary>The token's value, read-only; Remove-AuthToken -Token accepts it.</summary>
    public SecureString Token { get; }

    /// <summary>The token's user when the run knew it; 0 when not.</summary>
    public long UserId { get; }

    public string? UserFullName { get; }

    public override string ToString() => UserId > 0 ? $"{Fingerprint} (user {UserId})" : Fingerprint;
}
