using System.Linq;
using System.Runtime.InteropServices;
using System.Security;

namespace TokenAdmin.Core.Http.Authentication;

/// <summary>
/// SecureString is kept as the long-lived form of every secret; plain text exists only while a
/// request is being built. (On Unix SecureString is not encrypted in memory, but it keeps secrets
/// out of object views, serialization and accidental ToString.)
/// </summary>
public static class SecretText
{
    /// <summary>
    /// The plain text, every character of it: NetworkCredential.Password would stop at a NUL, so "key\0" would
    /// pass every check as "key" and a secret with a NUL inside would be sent cut short.
    /// </summary>
    public static string Reveal(SecureString secret)
    {
        var plain = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(plain, secret.Length);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(plain);
        }
    }

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

    /// <summary>
    /// A secret as an HTTP header (or a URL) can carry it: trimmed of the line break a file read with
    /// Get-Content -Raw ends with; refused (InvalidCredential, never quoted) when empty, or with a space,
    /// a line break or another control character inside, or outside printable ASCII. Otherwise .NET
    /// would refuse it at every request, quoting it ("Invalid character found in header value: ...").
    /// </summary>
    /// <param name="what">"The API key": what the message names.</param>
    public static SecureString ForHeader(SecureString secret, string what)
    {
        var plain = Reveal(secret);
        var trimmed = plain.Trim();
        if (HeaderProblem(trimmed) is { } problem)
        {
            throw ServiceException.InvalidCredential($"{what} {problem}. Pass it alone (it is not shown here).");
        }

        if (trimmed.Length == plain.Length)
        {
            var copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        return Protect(trimmed);
    }

    /// <summary>Why <paramref name="value"/> cannot be an HTTP header value as it is, or null.</summary>
    public static string? HeaderProblem(string value) =>
        value.Length == 0 ? "is empty (or only spaces and line breaks)"
        : value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "has a line break, a space or a control character inside it, which an HTTP header cannot carry"
        : value.Any(c => c > '\u007e') ? "has characters outside printable ASCII, which an HTTP header cannot carry"
        : null;
}
