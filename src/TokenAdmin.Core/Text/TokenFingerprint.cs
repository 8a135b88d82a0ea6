using System;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Core.Text;

/// <summary>
/// A short, one-way name for a secret token: enough to tell tokens apart in a table, a -WhatIf
/// line or an error, useless for authenticating. First 6 bytes of SHA-256, hex.
/// </summary>
public static class TokenFingerprint
{
    public static string Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexString(hash[..6]).ToLowerInvariant();
    }
}
