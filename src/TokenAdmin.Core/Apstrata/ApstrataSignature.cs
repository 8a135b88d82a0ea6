using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Core.Apstrata;

/// <summary>
/// apstrata request signatures (SERVICES.md §2), as pure functions so known answers pin them:
/// simple = MD5(time + key-or-login + action + secret-or-password-hash); complex = HMAC-SHA1 over
/// VERB \n urlencode(url) \n the sorted set of encoded name=value pairs. Hex in upper case
/// ([assume] the server compares without case).
/// </summary>
public static class ApstrataSignature
{
    /// <summary>[SDK] java.net.URLEncoder with "+" → %20 and "*" → %2A: everything but A-Z a-z 0-9 . - _ percent-encoded (UTF-8, upper-case hex).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-' or '_')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>[doc] A user's signing key: UPPERHEX(MD5(password)).</summary>
    public static string UserKey(string password) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password)));

    /// <summary>[doc] Simple mode: hex MD5 of time + (authKey, or the user's login) + action + (secret, or the user key).</summary>
    public static string Simple(string time, string keyOrLogin, string action, string secretOrUserKey) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(time + keyOrLogin + action + secretOrUserKey)));

    /// <summary>
    /// [doc] The complex mode's string to sign: VERB, the encoded URL without query, and the encoded
    /// pairs sorted by ordinal byte order, a pair that occurs twice counted once ([SDK] a set).
    /// </summary>
    public static string StringToSign(string verb, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? unencodedParameter = null)
    {
        var pairs = parameters
            .Select(p => (p.Key == unencodedParameter ? p.Key : Encode(p.Key)) + "=" + (p.Key == unencodedParameter ? p.Value : Encode(p.Value)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal);
        return verb + "\n" + Encode(url) + "\n" + string.Join("&", pairs);
    }

    /// <summary>[doc] Complex mode: hex HMAC-SHA1 of <see cref="StringToSign"/>, keyed with the secret (owner) or the user key.</summary>
    public static string Complex(string stringToSign, string secretOrUserKey) =>
        Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretOrUserKey), Encoding.UTF8.GetBytes(stringToSign)));
}
