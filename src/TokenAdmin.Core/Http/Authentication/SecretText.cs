using System.Net;
using System.Security;

namespace TokenAdmin.Core.Http.Authentication;

/// <summary>
/// SecureString is kept as the long-lived form of every secret; plain text exists only while a
/// request is being built. (On Unix SecureString is not encrypted in memory, but it keeps secrets
/// out of object views, serialization and accidental ToString.)
/// </summary>
public static class SecretText
{
    public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

    public static SecureString Protect(string plain)
    {
        var secure = new SecureString();
        foreach (var c in plain)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
