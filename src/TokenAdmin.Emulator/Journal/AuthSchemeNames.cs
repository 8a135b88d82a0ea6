using System;
using System.Linq;

namespace TokenAdmin.Emulator;

/// <summary>
/// Names the scheme of an Authorization header for the journal. Only well-known scheme names are
/// echoed: anything else might be a bare credential, so it is reported as "Other".
/// </summary>
internal static class AuthSchemeNames
{
    private static readonly string[] Known = ["Basic", "Bearer", "Digest", "Negotiate", "NTLM"];

    public static string? Describe(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return null;
        }

        var space = authorizationHeader.IndexOf(' ');
        var candidate = space > 0 ? authorizationHeader[..space] : string.Empty;
        return Known.FirstOrDefault(known => known.Equals(candidate, StringComparison.OrdinalIgnoreCase)) ?? "Other";
    }
}
