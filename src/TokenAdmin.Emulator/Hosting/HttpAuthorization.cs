using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Emulator;

/// <summary>Parsing and comparing credentials of Authorization / Proxy-Authorization headers.</summary>
internal static class HttpAuthorization
{
    /// <summary>Splits <c>Scheme parameter</c>. The scheme is case-insensitive (RFC 9110 §11.1); the caller compares it.</summary>
    public static bool TrySplit(string? headerValue, [NotNullWhen(true)] out string? scheme, [NotNullWhen(true)] out string? parameter)
    {
        scheme = null;
        parameter = null;
        if (string.IsNullOrEmpty(headerValue))
        {
            return false;
        }

        var space = headerValue.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        scheme = headerValue[..space];
        parameter = headerValue[(space + 1)..].Trim();
        return parameter.Length > 0;
    }

    /// <summary>Decodes the parameter of a Basic credential: base64(UTF-8 "user:password").</summary>
    public static bool TryDecodeBasic(string parameter, [NotNullWhen(true)] out string? userName, [NotNullWhen(true)] out string? password)
    {
        userName = null;
        password = null;
        var buffer = new byte[(parameter.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(parameter, buffer, out var length))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        userName = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    /// <summary>Compares secrets in constant time, so the emulator does not model a timing oracle.</summary>
    public static bool SecretEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
